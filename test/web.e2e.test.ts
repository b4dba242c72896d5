// The web edition of the guide itself, built for students and served by a plain static host, driven in the
// system Chromium: every page loads cleanly, every link and download resolves, axe-core finds nothing serious,
// nothing scrolls sideways on a phone, and search finds a chapter by a word only it holds.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildReport } from '../src/build/build.js'
import { root } from './helpers.js'
import { axeViolations, launchSiteBrowser, readPage, serveStatic, sitePages, watchedPage } from './web-site.js'

let out: string
let site: string
let report: BuildReport
let server: { url: string; close: () => Promise<void> }
let browser: Browser
let pages: string[]

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'nlmg-web-'))
  report = await build({ root, outDir: out, editions: ['student'] })
  site = path.join(out, 'student/web')
  pages = await sitePages(site)
  server = await serveStatic(site)
  browser = await launchSiteBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
  await rm(out, { recursive: true, force: true })
})

describe('the web edition (student)', () => {
  it('should build a home page, a search page, a 404 page and a page per chapter', async () => {
    expect(report.ok).toBe(true)
    const chapters = report.chapters.map((c) => `${c.slug}.html`)
    expect(pages).toEqual(['404.html', 'index.html', 'search.html', ...chapters].sort())
  })

  it('should resolve every internal link, anchor, asset and download, and link nothing off the site but sources', async () => {
    const problems: string[] = []
    const idsOf = new Map<string, Set<string>>()
    for (const name of pages) idsOf.set(name, (await readPage(path.join(site, name))).ids)
    for (const name of pages) {
      for (const link of (await readPage(path.join(site, name))).links) {
        if (/^https?:/.test(link)) continue
        if (/^[a-z]+:|^\/\//i.test(link)) problems.push(`${name}: not relative: ${link}`)
        const [file = '', hash] = link.split('#')
        const target = file === '' ? name : decodeURIComponent(file.split('?')[0] as string)
        const size = await stat(path.join(site, target)).then((s) => s.size, () => -1)
        if (size <= 0) problems.push(`${name}: missing ${link}`)
        else if (hash && !idsOf.get(target)?.has(decodeURIComponent(hash))) problems.push(`${name}: no #${hash} in ${target}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('should offer the PDF, the EPUB, the handout pack and every handout, with sizes and page counts', async () => {
    const home = await readFile(path.join(site, 'index.html'), 'utf8')
    const handouts = report.written.filter((w) => w.path.includes('/student/handouts/'))
    expect(handouts.length).toBeGreaterThan(3)
    for (const file of [...handouts.map((h) => `handouts/${path.basename(h.path)}`), 'never-let-me-go-study-guide.pdf', 'never-let-me-go-study-guide.epub', 'never-let-me-go-study-guide-handouts.pdf']) {
      expect(home).toContain(`href="downloads/${file}"`)
    }
    const guide = report.written.find((w) => w.path.endsWith('student/never-let-me-go-study-guide.pdf'))
    expect(home).toMatch(new RegExp(`study-guide\\.pdf"[^]*?MB, ${guide?.pages} pages`))
  })

  it('should load every page (and a missing one) with no console error and no failed request, favicon included', async () => {
    const problems: string[] = []
    for (const name of [...pages, 'no-such-page.html']) {
      const { page, problems: seen } = await watchedPage(browser, server.url)
      await page.goto(`${server.url}${name}`, { waitUntil: 'networkidle0' })
      problems.push(...seen.map((p) => `${name}: ${p}`))
      if (name === 'no-such-page.html') expect(await page.$eval('h1', (h) => h.textContent)).toBe('Page not found')
      await page.close()
    }
    expect(problems).toEqual([])
  })

  it('should show axe-core no serious or critical violation on any page, in the light and the dark theme', async () => {
    const problems: string[] = []
    for (const scheme of ['light', 'dark']) {
      for (const name of pages) {
        const page = await browser.newPage()
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }])
        await page.goto(`${server.url}${name}?q=kathy`, { waitUntil: 'networkidle0' })
        problems.push(...(await axeViolations(page)).map((v) => `${scheme} ${name}: ${v}`))
        await page.close()
      }
    }
    expect(problems).toEqual([])
  })

  it('should not scroll sideways at 360 × 740 on any page', async () => {
    const wide: string[] = []
    for (const name of pages) {
      const page = await browser.newPage()
      await page.setViewport({ width: 360, height: 740 })
      await page.goto(`${server.url}${name}`, { waitUntil: 'networkidle0' })
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
      if ((widths[0] as number) > (widths[1] as number)) wide.push(`${name}: ${widths.join(' > ')}`)
      await page.close()
    }
    expect(wide).toEqual([])
  })

  it('should find a chapter first by a word that stands only in it, and open it from the result', async () => {
    const words = await uniqueWords()
    expect(words.length).toBeGreaterThanOrEqual(3)
    for (const { word, chapter } of words.slice(0, 3)) {
      const page = await browser.newPage()
      await page.goto(`${server.url}search.html?q=${encodeURIComponent(word)}`, { waitUntil: 'networkidle0' })
      const href = await page.$eval('#search-results li a', (a) => a.getAttribute('href'))
      expect({ word, href: href?.split('#')[0] }).toEqual({ word, href: `${chapter}.html` })
      await Promise.all([page.waitForNavigation(), page.click('#search-results li a')])
      expect(new URL(page.url()).pathname).toBe(`/${chapter}.html`)
      const target = decodeURIComponent(new URL(page.url()).hash.slice(1))
      expect(await page.evaluate((id) => document.getElementById(id) !== null, target)).toBe(true)
      await page.close()
    }
  })

  it('should index no word that the site’s pages do not show (nothing from the teacher edition hides in the index)', async () => {
    const script = await readFile(path.join(site, 'assets/search-index.js'), 'utf8')
    const { index } = JSON.parse(script.slice(script.indexOf('{'))) as { index: { index: Array<[string, unknown]> } }
    const shown = new Set<string>()
    // MiniSearch's own tokenizer (split at spaces and punctuation, lower-cased), after the index's own folding of
    // white space (the tabs toText puts between table cells).
    // A note's number follows its word in the page's text (`unspoken1`); the index leaves note numbers out.
    for (const name of pages) for (const word of (await readPage(path.join(site, name))).text.toLowerCase().split(/[\s\p{Z}\p{P}]+/u)) shown.add(word).add(word.replace(/\d+$/, ''))
    const terms = index.index.map(([term]) => term)
    expect(terms.length).toBeGreaterThan(1000)
    expect(terms.filter((term) => !shown.has(term))).toEqual([])
  })

  it('should read fine with JavaScript off: the text, the contents open, and a note on the search page', async () => {
    const page = await browser.newPage()
    await page.setJavaScriptEnabled(false)
    await page.setViewport({ width: 360, height: 740 })
    const first = pages.find((p) => p !== 'index.html' && p !== '404.html' && p !== 'search.html') as string
    await page.goto(`${server.url}${first}`)
    expect(await page.$eval('details.contents', (d) => (d as HTMLDetailsElement).open)).toBe(true)
    expect(((await page.$eval('main', (m) => m.textContent)) ?? '').length).toBeGreaterThan(500)
    await page.goto(`${server.url}search.html?q=kathy`)
    expect(await page.$eval('.no-script', (p) => (p as HTMLElement).hidden)).toBe(false)
    await page.close()
  })
})

/** Words of seven or more letters that start no word of any other page's main text, with the chapter that holds them. */
async function uniqueWords(): Promise<Array<{ word: string; chapter: string }>> {
  const words = new Map<string, Set<string>>()
  for (const name of pages) {
    const text = (await readPage(path.join(site, name))).text.toLowerCase()
    for (const word of text.match(/\p{L}+/gu) ?? []) {
      if (!words.has(word)) words.set(word, new Set())
      words.get(word)?.add(name)
    }
  }
  const all = [...words.keys()]
  const found: Array<{ word: string; chapter: string }> = []
  const seen = new Set<string>()
  for (const [word, names] of [...words].sort(([a], [b]) => a.localeCompare(b))) {
    const name = [...names][0] as string
    if (word.length < 7 || names.size !== 1 || ['index.html', 'search.html', '404.html'].includes(name) || seen.has(name)) continue
    // Search matches prefixes: the word must start no other word found elsewhere.
    if (all.some((other) => other !== word && other.startsWith(word) && [...(words.get(other) ?? [])].some((n) => n !== name))) continue
    found.push({ word, chapter: name.replace(/\.html$/, '') })
    seen.add(name)
  }
  return found
}
