// Which browser prints the PDF, found without any download, in a fixed order: the configured path
// (NLMG_BROWSER, then `browser:` in book.yaml), a system Chrome or Chromium, a browser Puppeteer has already
// downloaded, then the Chromium shipped on npm by the optional dependency @sparticuz/chromium (Linux x64),
// unpacked on first use through its public `executablePath()`.
import { accessSync, constants, existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BrowserMissing } from './errors.js'

/** Where a system browser usually lives, in the order tried after any explicit setting. */
const systemPaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'
]

/** What to install where no browser exists, for this platform. */
export function installHint(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  const setting = 'or set NLMG_BROWSER or `browser:` in book.yaml to the path of a Chrome or Chromium'
  if (platform === 'linux' && arch === 'x64')
    return `No Chromium found: reinstall without --omit=optional (the npm package @sparticuz/chromium ships one), install it (Debian/Ubuntu: \`apt-get install chromium\`), ${setting}`
  if (platform === 'linux') return `No Chromium found: install it (Debian/Ubuntu: \`apt-get install chromium\`; Fedora: \`dnf install chromium\`), ${setting}`
  if (platform === 'darwin') return `No Chrome found: install Google Chrome in /Applications (or \`brew install --cask chromium\`), ${setting}`
  if (platform === 'win32') return `No Chrome found: install Google Chrome, ${setting}`
  return `No Chromium found: install Chrome or Chromium for ${platform}, ${setting}`
}

/** Where a found browser came from, as `--verbose` reports it. */
export type BrowserOrigin = 'NLMG_BROWSER' | 'book.yaml' | 'environment' | 'system' | 'puppeteer' | 'npm'

export interface FoundBrowser {
  path: string
  origin: BrowserOrigin
}

/** The browser to use without unpacking anything: a configured path (even a missing one, to be reported), else a system browser. */
export function findBrowser(explicit?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return findConfigured(explicit, env)?.path ?? systemPaths.find(isExecutable)
}

function findConfigured(explicit: string | undefined, env: NodeJS.ProcessEnv): FoundBrowser | undefined {
  const candidates: FoundBrowser[] = [
    { path: env.NLMG_BROWSER ?? '', origin: 'NLMG_BROWSER' },
    { path: explicit ?? '', origin: 'book.yaml' },
    { path: env.PUPPETEER_EXECUTABLE_PATH ?? '', origin: 'environment' },
    { path: env.CHROME_PATH ?? '', origin: 'environment' }
  ]
  const given = candidates.filter((c) => c.path.length > 0)
  return given.find((c) => existsSync(c.path)) ?? given[0]
}

/**
 * The browser to use, in the documented order; `undefined` when there is none on this machine. Unpacking the
 * npm-shipped Chromium (first use only, a few seconds) happens here.
 */
export async function resolveBrowser(explicit?: string, env: NodeJS.ProcessEnv = process.env): Promise<FoundBrowser | undefined> {
  const configured = findConfigured(explicit, env)
  if (configured) return configured
  const system = systemPaths.find(isExecutable)
  if (system) return { path: system, origin: 'system' }
  const downloaded = await puppeteerBrowser(env)
  if (downloaded) return { path: downloaded, origin: 'puppeteer' }
  const shipped = await npmChromium()
  return shipped ? { path: shipped, origin: 'npm' } : undefined
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** A Chrome that Puppeteer downloaded into its cache before (this package never downloads one), the newest first. */
async function puppeteerBrowser(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const cacheDir = env.PUPPETEER_CACHE_DIR || path.join(os.homedir(), '.cache', 'puppeteer')
  if (!existsSync(cacheDir)) return undefined
  try {
    const { Browser, getInstalledBrowsers } = await import('@puppeteer/browsers')
    const chromes = (await getInstalledBrowsers({ cacheDir })).filter((b) => b.browser === Browser.CHROME || b.browser === Browser.CHROMIUM)
    chromes.sort((a, b) => b.buildId.localeCompare(a.buildId, 'en', { numeric: true }))
    return chromes.map((b) => b.executablePath).find(isExecutable)
  } catch {
    return undefined // An unreadable cache holds no browser we can use.
  }
}

/** The Chromium of @sparticuz/chromium, unpacked into the temporary folder, where it is installed and runs (Linux x64). */
async function npmChromium(): Promise<string | undefined> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined
  let chromium: { executablePath(): Promise<string> }
  try {
    chromium = (await import('@sparticuz/chromium')).default
  } catch {
    return undefined // The optional dependency was left out (`--omit=optional`) or failed to install.
  }
  try {
    const file = await chromium.executablePath()
    return existsSync(file) ? file : undefined
  } catch (error) {
    throw new BrowserMissing(`The Chromium of @sparticuz/chromium could not be unpacked (${error instanceof Error ? error.message : String(error)}). ${installHint()}`)
  }
}

/** How `--verbose` names a browser's origin. */
export function describeBrowser(found: FoundBrowser): string {
  const from: Record<BrowserOrigin, string> = {
    NLMG_BROWSER: 'set by NLMG_BROWSER',
    'book.yaml': 'set by `browser:` in book.yaml',
    environment: 'set by PUPPETEER_EXECUTABLE_PATH or CHROME_PATH',
    system: 'the system browser',
    puppeteer: 'downloaded earlier by Puppeteer',
    npm: 'shipped by the npm package @sparticuz/chromium'
  }
  return `browser: ${found.path} (${from[found.origin]})`
}
