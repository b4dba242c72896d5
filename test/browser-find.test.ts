// The order the browser is looked for in: NLMG_BROWSER, then book.yaml's `browser:`, then a system browser, then
// one Puppeteer downloaded before (its cache read through @puppeteer/browsers), then the npm-shipped Chromium.
// The later steps run with the system browser hidden in a mount namespace of their own (root and unshare needed).
import { execFile, execFileSync } from 'node:child_process'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveBrowser } from '../src/browser/browser.js'
import { root } from './helpers.js'

let work: string
let fake: string
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'nlmg-find-'))
  fake = path.join(work, 'my-chrome')
  await writeFile(fake, '#!/bin/sh\nexit 0\n')
  await chmod(fake, 0o755)
})
afterAll(() => rm(work, { recursive: true, force: true }))

describe('the browser lookup', () => {
  it('takes NLMG_BROWSER first, then `browser:` from book.yaml', async () => {
    expect(await resolveBrowser('/elsewhere/chrome', { NLMG_BROWSER: fake })).toEqual({ path: fake, origin: 'NLMG_BROWSER' })
    expect(await resolveBrowser(fake, {})).toEqual({ path: fake, origin: 'book.yaml' })
  })

  it('returns a configured path that does not exist, so the build can say so', async () => {
    expect(await resolveBrowser('/nonexistent/chrome', {})).toEqual({ path: '/nonexistent/chrome', origin: 'book.yaml' })
  })

  const hidable = process.platform === 'linux' && process.getuid?.() === 0 && (() => {
    try {
      execFileSync('unshare', ['-m', 'test', '-x', '/usr/bin/chromium'])
      return true
    } catch {
      return false
    }
  })()

  it.runIf(hidable)('with no system browser, takes a Chrome Puppeteer downloaded before', async () => {
    const cache = path.join(work, 'puppeteer-cache')
    const chrome = path.join(cache, 'chrome', 'linux-148.0.7778.97', 'chrome-linux64', 'chrome')
    await mkdir(path.dirname(chrome), { recursive: true })
    await writeFile(chrome, '#!/bin/sh\nexit 0\n')
    await chmod(chrome, 0o755)
    const blank = path.join(work, 'not-a-browser')
    await writeFile(blank, '')
    const module = pathToFileURL(path.join(root, 'lib/browser/find.js')).href
    const script = `import(${JSON.stringify(module)}).then(async (m) => process.stdout.write(JSON.stringify(await m.resolveBrowser(undefined, { PUPPETEER_CACHE_DIR: ${JSON.stringify(cache)} }))))`
    const { stdout } = await promisify(execFile)('unshare', ['-m', 'sh', '-c', 'mount --bind "$1" /usr/bin/chromium && exec "$2" -e "$3"', 'hide', blank, process.execPath, script])
    expect(JSON.parse(stdout)).toEqual({ path: chrome, origin: 'puppeteer' })
  })
})
