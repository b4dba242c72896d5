// The rebuild time of `nlmg dev`: from writing a changed chapter to the new text being served over HTTP.
// Only what the command tells a user is relied on: whether it exists (the CLI's --help lists it), whether it
// takes --port, the address it prints; which page carries the chapter's text is found by trying.
import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { killTree } from './measure.js'

export interface DevOptions {
  cli: string
  root: string
  /** Absolute path of the chapter to change. */
  chapter: string
  slug: string
  runs: number
  /** Bound on the first build and on each rebuild. */
  timeoutMs: number
}

/** Milliseconds per run, or a note on why there are none. */
export type DevResult = { runs: number[]; note?: string }

/** The CLI's commands, read from its --help. */
export function commandsOf(help: string): string[] {
  const lines = help.split('\n')
  const start = lines.findIndex((l) => l.trim() === 'Commands:')
  if (start < 0) return []
  const end = lines.findIndex((l, i) => i > start && l.trim() === '')
  return lines.slice(start + 1, end < 0 ? undefined : end).map((l) => l.trim().split(/\s+/)[0] ?? '')
}

/** Start `dev`, then time each change of `chapter` until the served page shows it. */
export async function measureDev(options: DevOptions, help: string): Promise<DevResult> {
  const port = help.includes('--port') ? await freePort() : undefined
  const args = [options.cli, 'dev', '--root', options.root, ...(port ? ['--port', String(port)] : [])]
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  let exit: number | null | undefined
  child.stdout.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr.on('data', (c: Buffer) => (output += c.toString()))
  child.on('exit', (code) => (exit = code))
  const original = await readFile(options.chapter, 'utf8')
  try {
    const base = await until(options.timeoutMs, () => (exit !== undefined ? null : served(output, port)))
    if (!base) return { runs: [], note: exit !== undefined ? `dev exited (${exit}): ${output.trim().split('\n').slice(-2).join(' ')}` : 'dev printed no address' }
    // The first build must be served before a change can be timed against it.
    if (!(await until(options.timeoutMs, async () => ((await reachable(base)) ? true : null)))) return { runs: [], note: `${base} never answered` }
    const candidates = [base, `${base}${options.slug}`, `${base}${options.slug}.html`, `${base}${options.slug}/`]
    const runs: number[] = []
    for (let run = 1; run <= options.runs; run++) {
      const token = String(100_000_000 + Math.floor(Math.random() * 899_999_999))
      // A question block needs no citation, so the changed chapter still passes every check.
      await writeFile(options.chapter, `${original}\n::::question{lines=2}\nWhat changed in revision ${token}?\n::::\n`)
      const start = performance.now()
      // Note: polled every 20 ms, not 50: against a target of 300 ms the poll's granularity would weigh.
      const hit = await until(options.timeoutMs, async () => (await firstShowing(candidates, token)) ?? null, 20)
      if (!hit) return { runs, note: `the served page never showed the change within ${options.timeoutMs / 1000} s` }
      runs.push(performance.now() - start)
      candidates.splice(0, candidates.length, hit)
    }
    return { runs }
  } finally {
    await writeFile(options.chapter, original)
    if (child.pid && exit === undefined) killTree(child.pid)
  }
}

/** The first http address on localhost the command printed (or the port we gave it). */
function served(output: string, port?: number): string | null {
  const word = output.split(/\s+/).find((w) => /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0)(:\d+)?/.test(w))
  if (word) return word.replace(/[).,;'"]+$/, '').replace(/\/?$/, '/')
  return port && output.length > 0 ? `http://localhost:${port}/` : null
}

async function reachable(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5_000) })).ok
  } catch {
    return false
  }
}

async function firstShowing(urls: string[], token: string): Promise<string | undefined> {
  for (const url of urls) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) })
      if (response.ok && (await response.text()).includes(token)) return url
    } catch {
      // Not serving yet, or mid-rebuild.
    }
  }
  return undefined
}

/** Poll `check` every `everyMs` until it gives a value, or `timeoutMs` passes. */
async function until<T>(timeoutMs: number, check: () => T | null | Promise<T | null>, everyMs = 50): Promise<T | null> {
  const end = performance.now() + timeoutMs
  while (performance.now() < end) {
    const value = await check()
    if (value !== null) return value
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
  return null
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}
