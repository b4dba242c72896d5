// Chromium behind one module: find it without any download, launch it with a bounded time, hand out pages
// that run no content script and load nothing outside the allowed folders, and always close it, with every
// process it started.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'puppeteer'
import { BrowserMissing, guardedErrors, launchFailure } from './errors.js'
import { isInside } from '../core/paths.js'

export { BrowserError, BrowserMissing } from './errors.js'

/** Where a system browser usually lives, in the order tried after any explicit setting. */
const systemPaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium'
]

export const installHint =
  'No Chromium found: install it (Debian/Ubuntu: `apt-get install chromium`), or set NLMG_BROWSER or `browser:` in book.yaml to its path'

/** The browser to use: the explicit setting, then NLMG_BROWSER, PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, then system paths. */
export function findBrowser(explicit?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [explicit, env.NLMG_BROWSER, env.PUPPETEER_EXECUTABLE_PATH, env.CHROME_PATH].filter(
    (c): c is string => typeof c === 'string' && c.length > 0
  )
  if (candidates.length > 0) return candidates.find((c) => existsSync(c)) ?? candidates[0]
  return systemPaths.find((p) => existsSync(p))
}

export interface BrowserSession {
  /**
   * A fresh page whose requests are limited to files below `allowedRoots`. Pages run no script unless `script`
   * is set, which only the build's own code may ask for (the figures stage runs Mermaid in a blank page).
   */
  newPage(allowedRoots: string[], options?: { script?: boolean }): Promise<GuardedPage>
  /** Close the browser and end every process it started; safe to call twice. */
  close(): Promise<void>
  /** The browser's process id (also its process group's), while it runs. */
  pid?: number
}

export interface GuardedPage {
  page: Page
  /** Requests refused or failed since the page opened, as one line each. */
  problems: string[]
}

export interface LaunchLimits {
  /** How long Chromium may take to start (default 30 s). */
  launchMs?: number
  /** How long one DevTools call (a whole print included) may take (default 120 s). */
  protocolMs?: number
}

/** Launch Chromium; rejects with a BrowserError when it is missing or does not start within `limits.launchMs`. */
export async function launchBrowser(executablePath: string | undefined, limits: LaunchLimits = {}): Promise<BrowserSession> {
  if (!executablePath || !existsSync(executablePath)) throw new BrowserMissing(executablePath ? `Browser not found at ${executablePath}. ${installHint}` : installHint)
  const { launchMs = 30_000, protocolMs = 120_000 } = limits
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'nlmg-chromium-'))
  // Aborting kills the browser's whole process group at once; on a failed launch Puppeteer itself would wait
  // five seconds for a browser that may never leave.
  const abort = new AbortController()
  let browser: Browser
  try {
    const timeouts = { timeout: launchMs, protocolTimeout: protocolMs }
    // Loaded here: a command that prints nothing never loads Puppeteer.
    const { default: puppeteer } = await import('puppeteer')
    browser = await puppeteer.launch({ executablePath, headless: true, userDataDir, ...timeouts, args: chromiumArgs, signal: abort.signal })
  } catch (error) {
    abort.abort()
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 })
    throw launchFailure(executablePath, error, launchMs)
  }
  let closed = false
  let crashed = false
  browser.on('disconnected', () => (crashed = !closed))
  const pid = browser.process()?.pid
  return {
    pid,
    async newPage(allowedRoots, options = {}) {
      const page = guardedErrors(await browser.newPage(), () => crashed)
      const problems: string[] = []
      await page.setJavaScriptEnabled(options.script === true)
      await page.setRequestInterception(true)
      page.on('request', (request) => {
        const url = request.url()
        if (isAllowed(url, allowedRoots)) return void request.continue().catch(() => {})
        problems.push(`refused request for ${url}`)
        void request.abort('blockedbyclient').catch(() => {})
      })
      page.on('requestfailed', (request) => {
        if (!problems.some((p) => p.endsWith(request.url()))) problems.push(`failed to load ${request.url()}`)
      })
      return { page, problems }
    },
    async close() {
      if (closed) return
      closed = true
      const child = browser.process()
      if (pid !== undefined && child) {
        // Nothing of the session is kept (its profile folder goes next), so Chromium is not asked to shut down
        // in order, which takes a tenth of a second or more: the connection is dropped and its process group
        // (zygote, renderers, GPU helpers) ended at once.
        const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve))
        await browser.disconnect().catch(() => {})
        killGroup(pid)
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000).unref())])
      } else {
        await Promise.race([browser.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5_000).unref())])
      }
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 })
    }
  }
}

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--font-render-hinting=none'
]

function killGroup(pid: number) {
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // The group is gone already: nothing is left to end.
  }
}

function isAllowed(url: string, roots: string[]): boolean {
  if (url.startsWith('data:') || url === 'about:blank') return true
  if (!url.startsWith('file:')) return false
  let file: string
  try {
    file = path.resolve(fileURLToPath(url))
  } catch {
    return false // `file://host/…` names another machine
  }
  return roots.some((root) => isInside(root, file))
}
