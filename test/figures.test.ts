// Figures end to end: a chapter with a Mermaid flowchart and a data figure built into every output, a broken
// diagram stopping the build at its fence, a figure without alternative text refused, and a rebuild that draws
// nothing and writes the same EPUB.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildReport } from '../src/build/build.js'
import { loadFigureData } from '../src/project/figure-data.js'
import { copyToTemp, matter, processChapter, root } from './helpers.js'
import { ace } from './ace.js'
import { epubcheck, pdfPages } from './tools.js'

const run = promisify(execFile)
const fixture = path.join(root, 'test/fixtures/book-figures')
let project: string
let first: BuildReport
let epub: Buffer

beforeAll(async () => {
  project = await copyToTemp(fixture, 'nlmg-figures-')
  first = await build({ root: project, editions: ['student'], formats: ['pdf', 'epub', 'web', 'handouts'] })
  epub = await readFile(path.join(project, 'dist/student/figures-book.epub'))
})
afterAll(async () => {
  await rm(project, { recursive: true, force: true })
})

const messages = (report: BuildReport) => report.files.flatMap((f) => f.messages.map((m) => `${path.basename(f.path)}:${m.line}:${m.column} ${m.ruleId}: ${m.reason}`))

describe('figures', () => {
  it('should build, drawing the one diagram', () => {
    expect(messages(first)).toEqual([])
    expect(first.ok).toBe(true)
    expect(first.figures).toEqual({ drawn: 1, cached: 0 })
  })

  it('should print the diagram\'s labels as text, the figures\' captions and a list of figures', async () => {
    const pages = await pdfPages(path.join(project, 'dist/student/figures-book.pdf'))
    const list = pages.find((p) => p.includes('Figure 1.1. From the school to the farm') && !p.includes('Halwick'))
    expect(list).toBeDefined()
    const page = pages.find((p) => p.includes('Halwick School')) ?? ''
    for (const label of ['Marsh Farm', 'at sixteen', 'Carers', '1975', 'The farm', 'Figure 1.2. The three parts']) expect(page).toContain(label)
    // The reference prints the number, and the data alternative stays off the paper.
    expect(page).toContain('as Figure 1.1 shows')
    expect(page).not.toContain('as text)')
  })

  it('should carry the figures on the chapter\'s handout', async () => {
    const text = (await pdfPages(path.join(project, 'dist/student/handouts/01-diagram.pdf'))).join('\n')
    for (const label of ['Halwick School', 'Marsh Farm', 'Figure 1.1. From the school to the farm', '1975', 'Figure 1.2. The three parts']) expect(text).toContain(label)
    expect(text).not.toContain('as text)')
  })

  it('should write an EPUB that epubcheck passes, with SVG declared and no foreignObject or script', async () => {
    const verdict = await epubcheck(path.join(project, 'dist/student/figures-book.epub'))
    expect(verdict.output).toContain('No errors or warnings')
    const zip = await JSZip.loadAsync(epub)
    const chapter = (await zip.file('OEBPS/diagram.xhtml')?.async('string')) ?? ''
    expect(chapter).toContain('<svg')
    expect(chapter).toMatch(/>Halwick<\/tspan><tspan[^>]*> School</)
    expect(chapter).not.toMatch(/foreignObject|<script/i)
    expect(chapter).toContain('href="#fig-years-data"')
    expect(chapter).toMatch(/id="fig-years-data"[^]*<th scope="row">1975<\/th>/)
    expect(await zip.file('OEBPS/content.opf')?.async('string')).toMatch(/href="diagram.xhtml"[^>]*properties="svg"/)
    expect(await zip.file('OEBPS/toc.xhtml')?.async('string')).toContain('epub:type="loi"')
  })

  it('should pass DAISY Ace with no violations', async () => {
    const report = await ace(path.join(project, 'dist/student/figures-book.epub'))
    expect(report.violations).toEqual([])
    expect(report.outcome).toBe('pass')
  })

  it('should show the diagram on the web page and list it on the home page', async () => {
    const page = await readFile(path.join(project, 'dist/student/web/diagram.html'), 'utf8')
    expect(page).toMatch(/<figure[^>]*id="fig-journey"[^]*<svg[^]*Marsh Farm/)
    expect(page).not.toMatch(/foreignObject|<script(?! src)/i)
    const home = await readFile(path.join(project, 'dist/student/web/index.html'), 'utf8')
    expect(home).toContain('href="diagram.html#fig-years"')
  })

  it('should draw nothing on a rebuild of unchanged sources and write the same EPUB', async () => {
    const again = await build({ root: project, editions: ['student'], formats: ['epub'] })
    expect(again.ok).toBe(true)
    expect(again.figures).toEqual({ drawn: 0, cached: 1 })
    expect(Buffer.compare(await readFile(path.join(project, 'dist/student/figures-book.epub')), epub)).toBe(0)
  })
})

describe('figure errors', () => {
  it('should stop at the fence of a diagram Mermaid cannot read, and write nothing', async () => {
    const broken = await copyToTemp(fixture, 'nlmg-figures-broken-')
    try {
      const file = path.join(broken, 'chapters/01-diagram.md')
      await writeFile(file, (await readFile(file, 'utf8')).replace('farm --> carers[Carers]', 'farm --> '))
      const report = await build({ root: broken, editions: ['student'], formats: ['epub'] })
      expect(report.ok).toBe(false)
      const found = messages(report).filter((m) => m.includes(' mermaid: '))
      expect(found).toHaveLength(1)
      expect(found[0]).toMatch(/^01-diagram\.md:16:1 mermaid: Mermaid cannot draw this diagram: Parse error/)
      expect(await readdir(broken)).not.toContain('dist')
      // The command says the same, with the chapter's path, and exits 1.
      const cli = await run(process.execPath, [path.join(root, 'lib/cli.js'), 'build', '--root', broken, '--format', 'epub']).then(() => ({ code: 0, stderr: '' }), (error: { code: number; stderr: string }) => error)
      expect(cli.code).toBe(1)
      expect(cli.stderr).toMatch(/01-diagram\.md[^]*16:1[^]*Mermaid cannot draw this diagram/)
      expect(cli.stderr).not.toMatch(/\n\s+at /)
      expect(await readdir(broken)).not.toContain('dist')
    } finally {
      await rm(broken, { recursive: true, force: true })
    }
  })

  it('should refuse a diagram with neither accTitle nor accDescr', async () => {
    const { errors } = await processChapter(matter() + '## A\n\nText.\n\n```mermaid\nflowchart LR\n  a --> b\n```\n')
    expect(errors).toEqual(['11:1 figure-alt'])
  })

  it('should refuse a data file without alternative text, at its place', async () => {
    const dir = await copyToTemp(path.join(fixture, 'chapters/figures'), 'nlmg-figure-data-')
    try {
      await mkdir(dir, { recursive: true })
      await writeFile(path.join(dir, 'years.yaml'), (await readFile(path.join(dir, 'years.yaml'), 'utf8')).replace(/^alt: .*\n/m, ''))
      const { files, data } = await loadFigureData(dir)
      expect(data.size).toBe(0)
      expect(files[0]?.messages.map((m) => `${m.line}:${m.ruleId} ${m.reason}`)).toEqual([expect.stringMatching(/^1:schema `alt`/)])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('should refuse a character map whose bond names nobody on it, at the bond', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nlmg-figure-map-'))
    try {
      const map = ['kind: characters', 'alt: Two people.', 'people:', '  - { id: a, name: A, role: one }', '  - { id: b, name: B, role: two }', 'bonds:', '  - { from: a, to: c, kind: friends, label: friends }', '']
      await writeFile(path.join(dir, 'map.yaml'), map.join('\n'))
      const { files } = await loadFigureData(dir)
      expect(files[0]?.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['7:16 figure-data'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('should refuse a figure directive naming no data file', async () => {
    const { errors } = await processChapter(matter() + '## A\n\n::figure[A caption]{data="nothing" #fig-none}\n')
    expect(errors).toEqual(['9:1 figure-data'])
  })
})
