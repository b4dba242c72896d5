// A chapter whose raw HTML tries to load a local file outside the project and a remote URL (through <img>, CSS
// url(), a stylesheet) and to run script: printed to PDF, it holds neither, no request leaves, nothing runs.
// The remote server is a real one on the loopback address, so "no request" is counted, not assumed.
import { execFile } from 'node:child_process'
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import type { Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { VFile } from 'vfile'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findBrowser, launchBrowser, type BrowserSession } from '../src/browser/browser.js'
import { loadLabels } from '../src/project/labels.js'
import { processChapter } from './helpers.js'
import { root, sources } from './helpers.js'
import { corpus } from './hostile-corpus.js'
import { pdfPages } from './tools.js'

const run = promisify(execFile)
const project = path.join(corpus, 'shared')
const picture = path.join(root, 'test/fixtures/book-basic/chapters/images/cover.png')
const chromium = findBrowser()

let server: Server
const requests: string[] = []
let remote: string
let outside: string
let work: string
let browser: BrowserSession

beforeAll(async () => {
  const png = await readFile(picture)
  server = createServer((request, response) => {
    requests.push(request.url ?? '')
    response.writeHead(200, { 'content-type': request.url?.endsWith('.css') ? 'text/css' : 'image/png' })
    response.end(request.url?.endsWith('.css') ? 'body { background: url(/from-css.png) }' : png)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  remote = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  outside = await mkdtemp(path.join(os.tmpdir(), 'nlmg-outside-'))
  await copyFile(picture, path.join(outside, 'secret.png'))
  work = await mkdtemp(path.join(os.tmpdir(), 'nlmg-hostile-pdf-'))
  if (chromium) browser = await launchBrowser(chromium)
})
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server.close(resolve))
  await rm(outside, { recursive: true, force: true })
  await rm(work, { recursive: true, force: true })
})

/** Raw HTML that reaches for the outside file and the remote server in every way a page can, and runs script. */
const hostileHtml = () => `<img src="${pathToFileURL(path.join(outside, 'secret.png')).href}" alt="local">
<img src="${remote}/remote.png" alt="remote">
<div style="background-image: url(${remote}/inline-style.png); height: 50px">Styled by a URL.</div>
<div style="background-image: url(${pathToFileURL(path.join(outside, 'secret.png')).href}); height: 50px">Styled by a file.</div>
<style>body { background-image: url(${remote}/style-element.png) }</style>
<link rel="stylesheet" href="${remote}/sheet.css">
<script>document.body.append('SCRIPT-RAN')</script>
<img src="x.png" onerror="document.body.append('HANDLER-RAN')" alt="handler">
<iframe src="${remote}/frame.html"></iframe>`

/** Print `body` from the work folder, on a page limited to the work folder and the project; its images' sizes. */
async function print(name: string, body: string) {
  const file = path.join(work, `${name}.html`)
  await writeFile(file, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head><body>${body}</body></html>`)
  const guarded = await browser.newPage([work, project])
  try {
    await guarded.page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
    const pdf = path.join(work, `${name}.pdf`)
    await writeFile(pdf, await guarded.page.pdf({ printBackground: true }))
    const { stdout } = await run('pdfimages', ['-list', pdf])
    // pdfimages lists each drawn image with its pixel size (soft masks, the transparency of icons, apart).
    const images = stdout.split('\n').slice(2).map((line) => line.trim().split(/\s+/)).filter((cells) => cells[2] === 'image').map((cells) => `${cells[3]}x${cells[4]}`)
    return { images, text: (await pdfPages(pdf)).join('\n'), problems: guarded.problems }
  } finally {
    await guarded.page.close()
  }
}

describe.runIf(chromium)('printing a chapter that reaches outside the project', () => {
  it('should print the sanitised chapter with its own picture only, fetching nothing and running nothing', async () => {
    const markdown = `---\ntitle: Reaching out\ndescription: D.\nspoilers: none\n---\n\nMARKER-TEXT before.\n\n![The project's own picture](images/still.png)\n\n${hostileHtml()}\n\nMARKER-TEXT after.\n`
    const { tree, file } = await processChapter(markdown, { slug: 'reaching-out', project })
    expect(file.messages.filter((m) => m.ruleId === 'unsafe-html').length).toBeGreaterThanOrEqual(7)
    requests.length = 0
    const { images, text, problems } = await print('sanitised', toHtml(tree))
    expect(text).toContain('MARKER-TEXT before.')
    expect(text).toContain('MARKER-TEXT after.')
    expect(text).not.toMatch(/SCRIPT-RAN|HANDLER-RAN/)
    expect(images).toEqual(['40x20'])
    expect(problems).toEqual([])
    expect(requests).toEqual([])
  })

  it('should refuse every request outside the project even for HTML that was never sanitised', async () => {
    requests.length = 0
    const { images, text, problems } = await print('unsanitised', `<p>MARKER-TEXT</p>${hostileHtml()}`)
    expect(text).toContain('MARKER-TEXT')
    expect(text).not.toMatch(/SCRIPT-RAN|HANDLER-RAN/)
    // Only Chromium's 14 by 16 broken-image icons: never the 1600 by 2400 picture from outside or the server.
    expect(images.filter((size) => size !== '14x16')).toEqual([])
    expect(requests).toEqual([])
    const secret = pathToFileURL(path.join(outside, 'secret.png')).href
    expect(problems).toEqual(expect.arrayContaining([
      `refused request for ${secret}`,
      `refused request for ${remote}/remote.png`,
      `refused request for ${remote}/sheet.css`
    ]))
  })
})
