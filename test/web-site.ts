// What the web edition's tests need around a built site: a static host (node:http, files as they are, 404.html
// for anything missing, as static hosts do), a browser that records every console error and failed request,
// axe-core injected into a page, and the site's own pages and link targets read from disk.
import { createReadStream } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import path from 'node:path'
import type { Browser, Page } from 'puppeteer-core'
import { fromHtml } from 'hast-util-from-html'
import { toText } from 'hast-util-to-text'
import { visit } from 'unist-util-visit'
import type { Element } from 'hast'
import { findBrowser } from '../src/browser/browser.js'
import { root } from './helpers.js'

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.pdf': 'application/pdf', '.epub': 'application/epub+zip', '.xml': 'application/xml' }

/** Serve `dir` on a free local port; resolves to its address (ending in `/`) and a close function. */
export async function serveStatic(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname)
    let file = path.join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname)
    let status = 200
    if (!file.startsWith(dir) || !(await stat(file).then((s) => s.isFile(), () => false))) {
      file = path.join(dir, '404.html')
      status = 404
    }
    response.writeHead(status, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  return { url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** The system Chromium through Puppeteer, found the way the build finds it (no download). */
export async function launchSiteBrowser(): Promise<Browser> {
  const { default: puppeteer } = await import('puppeteer-core')
  return puppeteer.launch({ executablePath: findBrowser(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
}

/** A page that lists, as lines, every console error, script error, failed request and error status it meets. */
export async function watchedPage(browser: Browser, origin: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage()
  const problems: string[] = []
  page.on('console', (message) => {
    // The 404 page's own status is logged as a console error by Chromium: the test asks for it on purpose.
    if (message.type() === 'error' && !message.text().includes('404 (Not Found)')) problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`script: ${String(error)}`))
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`))
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) problems.push(`off-site request: ${request.url()}`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/no-such-page.html')) problems.push(`status ${response.status()}: ${response.url()}`)
  })
  return { page, problems }
}

/** axe-core's serious and critical violations on the loaded page, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: path.join(root, 'node_modules/axe-core/axe.min.js') })
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`)) as Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)
}

/** The site's HTML pages, by file name. */
export async function sitePages(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.html')).sort()
}

/** One page read from disk: its ids, the addresses it links or loads, and its main text. */
export async function readPage(file: string): Promise<{ ids: Set<string>; links: string[]; text: string }> {
  const tree = fromHtml(await readFile(file, 'utf8'))
  const ids = new Set<string>()
  const links: string[] = []
  let main: Element | undefined
  visit(tree, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id)
    for (const key of ['href', 'src'] as const) if (typeof node.properties[key] === 'string') links.push(node.properties[key])
    if (node.tagName === 'main') main = node
  })
  // The notes are sources, not the chapter's prose: search leaves them out, and so does this text.
  if (main) visit(main, 'element', (node: Element, index, parent) => {
    if (parent && index !== undefined && node.tagName === 'section' && String(node.properties.className).includes('footnotes')) parent.children.splice(index, 1)
  })
  return { ids, links, text: main ? toText(main) : '' }
}
