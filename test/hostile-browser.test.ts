// Chromium trouble ends in one clear line within a bounded time, and no process outlives the session: fake
// browsers (shell scripts that fail or hang) for launch, the real one killed or frozen for crashes and hangs.
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BrowserError, findBrowser, launchBrowser } from '../src/browser/browser.js'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nlmg-fake-browser-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A fake browser: a shell script with `body`. */
async function fakeBrowser(name: string, body: string): Promise<string> {
  const file = path.join(dir, name)
  await writeFile(file, `#!/bin/sh\n${body}\n`)
  await chmod(file, 0o755)
  return file
}

/** Whether process `pid` still runs (a zombie, dead but not yet reaped, does not count). */
async function alive(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
  return stat !== '' && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
}

/** Living processes of process group `pgid`, read from /proc. */
async function groupMembers(pgid: number): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number)
  const members: number[] = []
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(fields[2]) === pgid && fields[0] !== 'Z') members.push(pid)
  }
  return members
}

async function failure(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const start = performance.now()
  const error = await promise.then(() => undefined, (e: unknown) => e)
  return { error, ms: performance.now() - start }
}

describe('launchBrowser with a broken browser', () => {
  it('should say that the browser is missing and how to get one', async () => {
    const { error } = await failure(launchBrowser('/nonexistent/chromium'))
    expect(error).toBeInstanceOf(BrowserError)
    expect((error as Error).message).toMatch(/^Browser not found at \/nonexistent\/chromium\. No Chromium found: .*install/)
  })

  it('should report a browser that exits at once with its exit code and its own words, at once', async () => {
    const fake = await fakeBrowser('exits', 'echo "cannot open display :0" >&2\nexit 3')
    const { error, ms } = await failure(launchBrowser(fake))
    expect(error).toBeInstanceOf(BrowserError)
    expect((error as Error).message).toBe(`Chromium at ${fake} did not start: it exited with code 3 (it said: cannot open display :0)`)
    expect(ms).toBeLessThan(5_000)
  })

  it('should report a file that cannot be run', async () => {
    const file = path.join(dir, 'not-executable')
    await writeFile(file, 'plain text\n')
    const { error } = await failure(launchBrowser(file))
    expect((error as Error).message).toBe(`Chromium at ${file} did not start: spawn ${file} EACCES`)
  })

  it('should give up on a browser that never answers within the launch limit and leave no process behind', async () => {
    const pids = path.join(dir, 'hang.pids')
    const fake = await fakeBrowser('hangs', `sleep 1000 &\necho "$$ $!" > ${pids}\nwait`)
    const { error, ms } = await failure(launchBrowser(fake, { launchMs: 1_500 }))
    expect(error).toBeInstanceOf(BrowserError)
    expect((error as Error).message).toMatch(new RegExp(`^Chromium at ${fake} did not start within 1.5 s: it never reported that it was ready`))
    expect(ms).toBeGreaterThanOrEqual(1_400)
    expect(ms).toBeLessThan(6_000)
    const [shell, child] = (await readFile(pids, 'utf8')).trim().split(' ').map(Number)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect({ shell: await alive(shell as number), child: await alive(child as number) }).toEqual({ shell: false, child: false })
  })
})

describe('launchBrowser with the real Chromium', () => {
  const chromium = findBrowser()

  it.runIf(chromium)('should end every process of the browser on close', async () => {
    const session = await launchBrowser(chromium)
    const pid = session.pid as number
    await session.newPage([dir])
    expect((await groupMembers(pid)).length).toBeGreaterThan(1)
    await session.close()
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await groupMembers(pid)).toEqual([])
  })

  it.runIf(chromium)('should turn a browser killed while printing into a BrowserError', async () => {
    const session = await launchBrowser(chromium)
    try {
      const { page } = await session.newPage([dir])
      process.kill(-(session.pid as number), 'SIGKILL')
      const { error, ms } = await failure(page.pdf())
      expect(error).toBeInstanceOf(BrowserError)
      expect((error as Error).message).toMatch(/^Chromium stopped while printing \(it crashed or was killed\): /)
      expect(ms).toBeLessThan(5_000)
    } finally {
      await session.close()
    }
  })

  it.runIf(chromium)('should turn a browser that stops answering into a BrowserError within the protocol limit, then end it', async () => {
    const session = await launchBrowser(chromium, { protocolMs: 2_000 })
    const pid = session.pid as number
    const { page } = await session.newPage([dir])
    process.kill(-pid, 'SIGSTOP')
    const { error, ms } = await failure(page.pdf())
    expect(error).toBeInstanceOf(BrowserError)
    expect((error as Error).message).toMatch(/^Chromium did not answer in time while printing: /)
    expect(ms).toBeLessThan(6_000)
    const start = performance.now()
    await session.close()
    expect(performance.now() - start).toBeLessThan(8_000)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await groupMembers(pid)).toEqual([])
  })
})
