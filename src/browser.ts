// Chromium behind one module: find it without any download, launch it with a bounded time, hand out pages
// that run no content script and load nothing outside the allowed folders, and always close it.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import puppeteer, { type Browser, type Page } from 'puppeteer'

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

/** Raised when no browser can be found or started; its message is one line a user can act on. */
export class BrowserError extends Error {
  override name = 'BrowserError'
}

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
  /** A fresh page whose requests are limited to files below `allowedRoots`. */
  newPage(allowedRoots: string[]): Promise<GuardedPage>
  close(): Promise<void>
}

export interface GuardedPage {
  page: Page
  /** Requests refused or failed since the page opened, as one line each. */
  problems: string[]
}

/** Launch Chromium; rejects with a BrowserError when it is missing or does not start within `timeoutMs`. */
export async function launchBrowser(executablePath: string | undefined, timeoutMs = 30_000): Promise<BrowserSession> {
  if (!executablePath || !existsSync(executablePath)) throw new BrowserError(executablePath ? `Browser not found at ${executablePath}. ${installHint}` : installHint)
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'nlmg-chromium-'))
  let browser: Browser
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir,
      timeout: timeoutMs,
      protocolTimeout: 120_000,
      args: [
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
    })
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true })
    throw new BrowserError(`Chromium at ${executablePath} did not start: ${(error as Error).message.split('\n')[0]}`)
  }
  let closed = false
  return {
    async newPage(allowedRoots) {
      const page = await browser.newPage()
      const problems: string[] = []
      await page.setJavaScriptEnabled(false)
      await page.setRequestInterception(true)
      page.on('request', (request) => {
        const url = request.url()
        if (isAllowed(url, allowedRoots)) return void request.continue()
        problems.push(`refused request for ${url}`)
        void request.abort('blockedbyclient')
      })
      page.on('requestfailed', (request) => {
        if (!problems.some((p) => p.endsWith(request.url()))) problems.push(`failed to load ${request.url()}`)
      })
      return { page, problems }
    },
    async close() {
      if (closed) return
      closed = true
      const process = browser.process()
      await Promise.race([browser.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5_000))])
      if (process && process.exitCode === null) process.kill('SIGKILL')
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 })
    }
  }
}

function isAllowed(url: string, roots: string[]): boolean {
  if (url.startsWith('data:') || url === 'about:blank') return true
  if (!url.startsWith('file:')) return false
  const file = path.resolve(fileURLToPath(url))
  return roots.some((root) => {
    const relative = path.relative(root, file)
    return !relative.startsWith('..') && !path.isAbsolute(relative)
  })
}
