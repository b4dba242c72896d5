// Time a command as a user runs it (a whole process, from spawn to exit) and sample the resident memory of
// its whole process tree (Chromium's helpers included) from /proc every 50 ms.
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

export interface Measured {
  /** Wall-clock milliseconds from spawn to exit. */
  ms: number
  /** Highest sum of VmRSS over the process and all its descendants, in bytes (0 where /proc is missing). */
  peakRss: number
  /**
   * Highest sum of PSS (proportional set size) over the same tree, in bytes: shared pages divided among the
   * processes that share them, so Chromium's helpers are not counted many times over as they are in RSS.
   */
  peakPss: number
  code: number | null
  /** The last few kilobytes of standard error, for failure messages. */
  stderr: string
}

export interface RunOptions {
  cwd?: string
  /** Give up (kill the process tree) after this many milliseconds. */
  timeoutMs?: number
}

/** Run `command` with `args` once; resolves when it exits. */
export function measure(command: string, args: string[], options: RunOptions = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    // Same process group as the bench: Ctrl-C reaches the whole tree, as it would for a user.
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000)
    })
    let peakRss = 0
    let peakPss = 0
    const sample = () => {
      if (!child.pid) return
      const memory = treeMemory(child.pid)
      peakRss = Math.max(peakRss, memory.rss)
      peakPss = Math.max(peakPss, memory.pss)
    }
    const sampler = setInterval(sample, 50)
    const timer = setTimeout(() => child.pid && killTree(child.pid), options.timeoutMs ?? 600_000)
    child.on('error', (error) => {
      clearInterval(sampler)
      clearTimeout(timer)
      reject(error)
    })
    child.on('exit', (code) => {
      const ms = performance.now() - start
      clearInterval(sampler)
      clearTimeout(timer)
      resolve({ ms, peakRss, peakPss, code, stderr })
    })
    sample()
  })
}

/** RSS and PSS of `pid` and every descendant, in bytes. */
export function treeMemory(pid: number): { rss: number; pss: number } {
  let rss = 0
  let pss = 0
  for (const p of descendants(pid)) {
    rss += kilobytes(`/proc/${p}/status`, 'VmRSS:')
    pss += kilobytes(`/proc/${p}/smaps_rollup`, 'Pss:')
  }
  return { rss, pss }
}

/** End `pid` and every process below it (only the tree this bench started), by id. */
export function killTree(pid: number) {
  for (const p of descendants(pid).reverse()) {
    try {
      process.kill(p, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
}

/** `pid` and all processes below it, from /proc/<pid>/task/<tid>/children. */
export function descendants(pid: number): number[] {
  const out: number[] = []
  const queue = [pid]
  while (queue.length > 0) {
    const next = queue.shift() as number
    out.push(next)
    queue.push(...childrenOf(next))
  }
  return out
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number)
    )
  } catch {
    return [] // The process ended between two reads.
  }
}

/** A "Name:   123 kB" field of a /proc file, in bytes; 0 when the process is gone or the field missing. */
function kilobytes(file: string, field: string): number {
  try {
    const line = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith(field))
    return line ? Number(line.split(/\s+/)[1]) * 1024 : 0
  } catch {
    return 0
  }
}
