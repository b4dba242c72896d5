// With no system Chromium in sight, the build finds the Chromium that the npm package @sparticuz/chromium ships,
// and the student PDF is still written: tagged, with bookmarks and every font embedded. The system browser is
// hidden in a mount namespace of its own (an empty, non-executable file bound over it), so nothing outside the
// test's process sees any change; this needs root and unshare, which this project's machines have.
import { execFile, execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { readPdf } from '../src/output/pdf/read.js'
import { installHint } from '../src/browser/browser.js'
import { pdfFonts, pdfInfo } from './tools.js'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '..')
const systemChromium = '/usr/bin/chromium'

function canHide(): boolean {
  if (process.platform !== 'linux' || process.arch !== 'x64' || process.getuid?.() !== 0 || !existsSync(systemChromium)) return false
  try {
    createRequire(import.meta.url).resolve('@sparticuz/chromium')
    execFileSync('unshare', ['-m', 'true'])
    return true
  } catch {
    return false
  }
}

describe.runIf(canHide())('the PDF with the system Chromium hidden', () => {
  let work: string
  afterAll(async () => work && (await rm(work, { recursive: true, force: true })))

  it('is printed by the npm-shipped Chromium, tagged, with bookmarks and embedded fonts', async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'nlmg-hidden-'))
    const blank = path.join(work, 'not-a-browser')
    await writeFile(blank, '')
    const out = path.join(work, 'out')
    const script = 'mount --bind "$1" "$2" && shift 2 && exec "$@"'
    const cli = [process.execPath, path.join(root, 'lib/cli.js'), 'build', '--root', root, '--edition', 'student', '--format', 'pdf', '--out', out, '--verbose']
    const env = { ...process.env, NLMG_BROWSER: '', PUPPETEER_EXECUTABLE_PATH: '', CHROME_PATH: '' }
    const { stderr } = await run('unshare', ['-m', 'sh', '-c', script, 'hide', blank, systemChromium, ...cli], { env, maxBuffer: 16 * 1024 * 1024 })
    expect(stderr).toMatch(/browser: .* \(shipped by the npm package @sparticuz\/chromium\)/)
    const [pdfName] = (await run('ls', [path.join(out, 'student')])).stdout.split('\n').filter((f) => f.endsWith('.pdf'))
    const pdf = path.join(out, 'student', pdfName as string)
    expect((await pdfInfo(pdf)).Tagged).toBe('yes')
    const read = await readPdf(new Uint8Array(await readFile(pdf)))
    expect(read.bookmarks.length).toBeGreaterThan(5)
    const fonts = await pdfFonts(pdf)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.filter((f) => !f.embedded)).toEqual([])
  }, 300_000)
})

describe('where no browser exists', () => {
  it('says what to install, per platform', () => {
    expect(installHint('linux', 'x64')).toMatch(/@sparticuz\/chromium/)
    expect(installHint('linux', 'arm64')).toMatch(/apt-get install chromium/)
    expect(installHint('darwin', 'arm64')).toMatch(/Google Chrome/)
    for (const hint of [installHint('linux', 'arm64'), installHint('win32', 'x64')]) expect(hint).toMatch(/NLMG_BROWSER/)
  })
})
