// The web edition's parts on small inputs: a chapter's tree made ready for its page, its search sections, the
// download list; and a fixture book built as a site alone (no browser needed), with and without a base URL.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import { describe, expect, it } from 'vitest'
import { build } from '../src/build/build.js'
import { downloads, formatSize } from '../src/output/web/downloads.js'
import { searchDocuments } from '../src/output/web/search.js'
import { webTree } from '../src/output/web/tree.js'
import { copyToTemp, matter, processChapter, root } from './helpers.js'

const fixture = path.join(root, 'test/fixtures/book-basic')

describe('webTree', () => {
  it('should point links to another chapter at its page, keep links on this page, drop epub:type and box tables', async () => {
    const { tree } = await processChapter(`${matter()}## Start\n\nSee [there](#other-end) and [here](#chap-start).:cite[film]\n\n| a | b |\n| - | - |\n| 1 | 2 |\n`)
    // The pipeline's links carry book-wide ids (here made from the written targets).
    const pageOf = new Map([['chap-other-end', 'other.html'], ['chap-chap-start', 'chap.html']])
    const html = toHtml(webTree(tree, { filename: 'chap.html', pageOf, imageHref: (url) => url }))
    expect(html).toContain('href="other.html#chap-other-end"')
    expect(html).toContain('href="#chap-chap-start"')
    expect(html).toContain('href="#source-film"')
    expect(html).not.toContain('epub:type')
    expect(html).toMatch(/<div class="table-box" tabindex="0"><table>/)
  })

  it('should let a keyboard reach a figure’s drawing, which scrolls sideways on a phone', () => {
    const figure = h('figure.figure', [h('div.figure-art', [h('svg')]), h('figcaption', 'Figure 1.1')])
    const html = toHtml(webTree({ type: 'root', children: [figure] }, { filename: 'chap.html', pageOf: new Map(), imageHref: (url) => url }))
    expect(html).toContain('<div class="figure-art" tabindex="0">')
  })
})

describe('searchDocuments', () => {
  it('should make one section per heading, leading to its id, without the notes', async () => {
    const { tree } = await processChapter(`${matter()}Opening words.:cite[film]\n\n## Second part\n\nLater words.\n`)
    const documents = searchDocuments(tree, { filename: 'chap.html', title: 'A Chapter' })
    expect(documents.map((d) => [d.url, d.title])).toEqual([
      ['chap.html#chap', 'A Chapter'],
      ['chap.html#chap-second-part', 'Second part']
    ])
    expect(documents[0]?.text).toContain('Opening words.')
    expect(documents[0]?.text).not.toContain('The Film')
    expect(documents[1]?.text).toBe('Later words.')
  })
})

describe('downloads', () => {
  it('should list this edition’s guide, EPUB, pack and handouts in that order, with sizes and pages, and copy them into the site', () => {
    const bytes = (n: number) => new Uint8Array(n)
    const built = [
      { path: 'student/handouts/02-chap.pdf', data: bytes(50_000), pages: 2 },
      { path: 'student/g-handouts.pdf', data: bytes(120_000), pages: 4 },
      { path: 'student/g.epub', data: bytes(2_500_000) },
      { path: 'student/g.pdf', data: bytes(999), pages: 80 },
      { path: 'teacher/g.pdf', data: bytes(1), pages: 81 }
    ]
    const chapters = [{ file: { data: { slug: 'chap', matter: { title: 'The Chapter' } } } }] as never
    const { list, copies } = downloads(built, { edition: 'student', filename: 'g', chapters })
    expect(list).toEqual([
      { kind: 'pdf', href: 'downloads/g.pdf', chapter: undefined, size: '1 kB', pages: 80 },
      { kind: 'epub', href: 'downloads/g.epub', chapter: undefined, size: '2.4 MB', pages: undefined },
      { kind: 'pack', href: 'downloads/g-handouts.pdf', chapter: undefined, size: '117 kB', pages: 4 },
      { kind: 'handout', href: 'downloads/handouts/02-chap.pdf', chapter: 'The Chapter', size: '49 kB', pages: 2 }
    ])
    expect(copies.map((c) => c.path).sort()).toEqual(['student/web/downloads/g-handouts.pdf', 'student/web/downloads/g.epub', 'student/web/downloads/g.pdf', 'student/web/downloads/handouts/02-chap.pdf'])
    expect(formatSize(1_234_567)).toBe('1.2 MB')
  })
})

describe('a site built alone', () => {
  it('should write both editions’ sites with no download listed, no sitemap without a base URL', async () => {
    const dir = await copyToTemp(fixture, 'nlmg-web-alone-')
    try {
      const report = await build({ root: dir, outDir: path.join(dir, 'out'), formats: ['web'] })
      expect(report.ok).toBe(true)
      const files = await readdir(path.join(dir, 'out/student/web'))
      expect(files).not.toContain('sitemap.xml')
      expect(files).not.toContain('downloads')
      const home = await readFile(path.join(dir, 'out/student/web/index.html'), 'utf8')
      expect(home).toContain('This build made no files to download.')
      expect(home).not.toContain('og:url')
      // The live preview's reload script belongs to `nlmg dev` only, never to a published page.
      expect(home).not.toContain('__nlmg')
      expect(await readFile(path.join(dir, 'out/teacher/web/index.html'), 'utf8')).toContain('<meta name="robots" content="noindex, nofollow">')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('should, given a base URL, write the student site’s sitemap and absolute Open Graph addresses, and none for the teacher’s', async () => {
    const dir = await copyToTemp(fixture, 'nlmg-web-base-')
    try {
      const config = path.join(dir, 'book.yaml')
      await writeFile(config, `${await readFile(config, 'utf8')}baseUrl: https://example.org/guide\n`)
      const report = await build({ root: dir, outDir: path.join(dir, 'out'), formats: ['web'] })
      expect(report.ok).toBe(true)
      const sitemap = await readFile(path.join(dir, 'out/student/web/sitemap.xml'), 'utf8')
      expect(sitemap).toContain('<loc>https://example.org/guide/</loc>')
      expect(sitemap).toContain('<loc>https://example.org/guide/opening.html</loc><lastmod>2024-05-01</lastmod>')
      const chapter = await readFile(path.join(dir, 'out/student/web/opening.html'), 'utf8')
      expect(chapter).toContain('<link rel="canonical" href="https://example.org/guide/opening.html">')
      expect(chapter).toMatch(/<meta property="og:image" content="https:\/\/example\.org\/guide\/images\/cover-[0-9a-f]{8}\.png">/)
      expect(await readdir(path.join(dir, 'out/teacher/web'))).not.toContain('sitemap.xml')
      expect(await readFile(path.join(dir, 'out/teacher/web/opening.html'), 'utf8')).not.toContain('example.org')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
