// End to end: the fixture book built into a temporary folder, each output judged by real tools.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildReport } from '../src/build/build.js'
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib'
import { readPdf } from '../src/output/pdf/read.js'
import { root } from './helpers.js'
import { editionProblems, epubText, pdfText, teacherOnlyTexts } from './edition-checks.js'
import { contentsProblems, readContents } from './pdf-checks.js'
import { epubcheck, pdfFonts, pdfInfo, pdfPages } from './tools.js'

const fixture = path.join(root, 'test/fixtures/book-basic')
let out: string
let report: BuildReport

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'nlmg-e2e-'))
  report = await build({ root: fixture, outDir: out })
})
afterAll(async () => {
  await rm(out, { recursive: true, force: true })
})

describe('build (fixture book)', () => {
  it('should succeed and write a PDF, an EPUB, handouts and a web site per edition', () => {
    const messages = report.files.flatMap((f) => f.messages.map(String))
    expect(messages).toEqual([])
    expect(report.ok).toBe(true)
    const written = report.written.map((f) => path.relative(out, f.path))
    for (const edition of ['student', 'teacher']) {
      expect(written).toContain(`${edition}/web/index.html`)
      expect(written).toContain(`${edition}/web/opening.html`)
      expect(written).toContain(`${edition}/web/downloads/fixture-book.pdf`)
    }
    expect(written.filter((f) => !f.includes('/web/')).sort()).toEqual([
      'student/fixture-book-handouts.pdf',
      'student/fixture-book.epub',
      'student/fixture-book.pdf',
      'student/handouts/01-opening.pdf',
      'teacher/fixture-book-handouts.pdf',
      'teacher/fixture-book.epub',
      'teacher/fixture-book.pdf',
      'teacher/handouts/01-opening.pdf'
    ])
  })

  it('should print the cover, a title page, an imprint, the contents with real page numbers and each chapter on its own pages', async () => {
    const pages = await pdfPages(path.join(out, 'teacher/fixture-book.pdf'))
    expect(pages[0]).toContain('Fixture Book')
    expect(pages[0]).toContain('TEACHER EDITION')
    expect(pages[1]).toMatch(/Fixture Book[\s\S]*Test Author[\s\S]*Test Press/)
    expect(pages[2]).toContain('How to cite this guide')
    expect(pages[2]).toContain('Photocopiable')
    const contents = 3
    expect(pages[contents]).toContain('Contents')
    const opening = pages.findIndex((p) => /^\s*Opening Chapter\s*$/m.test(p) && p.includes('First section') && !p.includes('Contents')) + 1
    const closing = pages.findIndex((p) => p.includes('Closing Chapter') && p.includes('Second section') && !p.includes('Contents')) + 1
    expect(opening).toBeGreaterThan(contents + 1)
    expect(closing).toBeGreaterThan(opening)
    expect(pages[contents]).toMatch(new RegExp(`Opening Chapter\\s+${opening}\\b`))
    expect(pages[contents]).toMatch(new RegExp(`Closing Chapter\\s+${closing}\\b`))
    expect(pages[opening - 1]).toContain('ANSWER-GUIDANCE-ONE')
    expect(pages[closing - 1]).toContain('Ratio 2:1 stays as text, and so does 10:30.')
  })

  it('should print contents page numbers that match the pages, and the chapter in every running head', async () => {
    const chapters = [
      { title: 'Opening Chapter', running: 'Opening Chapter' },
      { title: 'Closing Chapter', running: 'Closing Chapter' }
    ]
    for (const edition of ['student', 'teacher']) {
      expect(await contentsProblems(path.join(out, `${edition}/fixture-book.pdf`), chapters)).toEqual([])
    }
    // The check can fail: a wrong running head or a chapter missing from the contents is caught.
    const wrong = await contentsProblems(path.join(out, 'student/fixture-book.pdf'), [{ title: 'Opening Chapter', running: 'Elsewhere' }, { title: 'Absent', running: 'Absent' }])
    expect(wrong).toEqual(expect.arrayContaining([expect.stringMatching(/running head “OPENING CHAPTER”, expected “ELSEWHERE”/), 'chapter “Absent” is missing from the contents']))
  })

  it('should set the document metadata and a bookmark per chapter', async () => {
    const file = path.join(out, 'student/fixture-book.pdf')
    const info = await pdfInfo(file)
    expect(info).toMatchObject({ Title: 'Fixture Book: A tiny book that uses every construct', Author: 'Test Author', Subject: 'A fixture for the generator\'s end-to-end tests.', Keywords: 'fixture', Tagged: 'yes' })
    expect(info.CreationDate).toMatch(/May\s+1 00:00:00 2024/)
    // The handouts too take the book's date, not the clock's: the same input gives the same bytes.
    for (const handout of ['student/handouts/01-opening.pdf', 'teacher/fixture-book-handouts.pdf']) {
      const dates = await pdfInfo(path.join(out, handout))
      expect([dates.CreationDate, dates.ModDate]).toEqual([expect.stringMatching(/May\s+1 00:00:00 2024/), expect.stringMatching(/May\s+1 00:00:00 2024/)])
    }
    const titles = await outlineTitles(file)
    expect(titles).toEqual(expect.arrayContaining(['Opening Chapter', 'First section', 'Closing Chapter', 'Second section']))
  })

  it('should read every named destination and bookmark of the printed PDF, as poppler sees the pages', async () => {
    for (const edition of ['student', 'teacher']) {
      const file = path.join(out, `${edition}/fixture-book.pdf`)
      const read = await readPdf(new Uint8Array(await readFile(file)))
      expect(read.destinations.size).toBeGreaterThan(10)
      expect(String(read.pageCount)).toBe((await pdfInfo(file)).Pages)
      // Each chapter's destination is the page whose text opens with the chapter's title.
      const pages = await pdfPages(file)
      expect(pages[read.destinations.get('opening') as number]).toContain('Opening Chapter')
      expect(pages[read.destinations.get('closing') as number]).toContain('Closing Chapter')
      expect(read.bookmarks.length).toBeGreaterThanOrEqual(2)
    }
  })

  it('should leave answer guidance and teacher notes out of the student PDF', async () => {
    const text = (await pdfPages(path.join(out, 'student/fixture-book.pdf'))).join('\n')
    expect(text).toContain('What does the word donor mean here?')
    expect(text).not.toContain('ANSWER-GUIDANCE-ONE')
    expect(text).not.toContain('TEACHER-NOTE-ONE')
  })

  it('should embed every font and tag the PDF', async () => {
    const file = path.join(out, 'student/fixture-book.pdf')
    const fonts = await pdfFonts(file)
    expect(fonts.length).toBeGreaterThan(2)
    expect(fonts.filter((f) => !f.embedded)).toEqual([])
    expect(fonts.some((f) => f.name.includes('Literata'))).toBe(true)
    expect((await pdfInfo(file)).Tagged).toBe('yes')
  })

  it('should pack an EPUB with mimetype first, the chapters, fonts, the image and a nav with sections', async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'teacher/fixture-book.epub')))
    const names = Object.keys(zip.files)
    expect(names[0]).toBe('mimetype')
    expect(names).toEqual(expect.arrayContaining(['OEBPS/opening.xhtml', 'OEBPS/closing.xhtml', 'OEBPS/cover.xhtml', 'OEBPS/toc.xhtml', 'OEBPS/toc.ncx', 'OEBPS/fonts/literata-latin-400-normal.woff']))
    expect(names.filter((n) => n.startsWith('OEBPS/images/') && !n.endsWith('/'))).toHaveLength(2)
    const nav = await zip.file('OEBPS/toc.xhtml')?.async('string')
    expect(nav).toContain('<a href="opening.xhtml#opening-first-section">First section</a>')
    expect(nav).toContain('epub:type="landmarks"')
    const opf = await zip.file('OEBPS/content.opf')?.async('string')
    expect(opf).toMatch(/properties="cover-image"/)
    expect(opf).toContain('<meta property="schema:accessibilitySummary">')
    const opening = await zip.file('OEBPS/opening.xhtml')?.async('string')
    expect(opening).toContain('href="closing.xhtml#closing-second-section"')
    expect(opening).toContain('ANSWER-GUIDANCE-ONE')
  })

  it('should pass epubcheck with no errors and no warnings', async () => {
    for (const edition of ['student', 'teacher']) {
      const result = await epubcheck(path.join(out, `${edition}/fixture-book.epub`))
      expect({ edition, fatals: result.fatals, errors: result.errors, warnings: result.warnings }).toEqual({ edition, fatals: 0, errors: 0, warnings: 0 })
    }
  })
})

/** Every bookmark title, depth first. */
async function outlineTitles(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false })
  const walk = (first: PDFDict | undefined): string[] => {
    const titles: string[] = []
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookup(PDFName.of('Title'))
      if (title instanceof PDFString || title instanceof PDFHexString) titles.push(title.decodeText())
      titles.push(...walk(item.lookupMaybe(PDFName.of('First'), PDFDict)))
    }
    return titles
  }
  return walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict))
}

describe('handouts (fixture book)', () => {
  it('should keep every answer and teacher note out of the student edition and put all of them in the teacher edition', async () => {
    const needles = await teacherOnlyTexts(path.join(fixture, 'chapters'))
    expect(needles).toHaveLength(2)
    const texts = async (edition: string) => ({
      pdf: await pdfText(path.join(out, `${edition}/fixture-book.pdf`)),
      epub: await epubText(path.join(out, `${edition}/fixture-book.epub`)),
      handout: await pdfText(path.join(out, `${edition}/handouts/01-opening.pdf`)),
      handouts: await pdfText(path.join(out, `${edition}/fixture-book-handouts.pdf`))
    })
    expect(editionProblems(needles.slice(0, 1), await texts('student'), await texts('teacher'))).toEqual([])
    // The teacher note belongs to the activity, which is in the guide and the handout alike.
    expect(editionProblems(needles.slice(1), await texts('student'), await texts('teacher'))).toEqual([])
  })

  it('should print a one- or two-page handout whose page reference matches the guide', async () => {
    for (const edition of ['student', 'teacher']) {
      const handout = await pdfPages(path.join(out, `${edition}/handouts/01-opening.pdf`))
      expect(handout.length).toBeGreaterThanOrEqual(1)
      expect(handout.length).toBeLessThanOrEqual(2)
      const text = handout.join('\n')
      expect(text).toContain('Opening Chapter')
      expect(text).toMatch(/Name\s+Class\s+Date/)
      expect(text).toContain('Before viewing')
      // The activity keeps its label: its title and timing.
      expect(text).toMatch(/Activity:?\s+Predict \(10 minutes\)/i)
      const guide = readContents(await pdfPages(path.join(out, `${edition}/fixture-book.pdf`)))
      const from = guide.find((e) => e.text === 'Opening Chapter')?.page
      const to = (guide.find((e) => e.text === 'Closing Chapter')?.page ?? 0) - 1
      // One page is “page 3”, never “pages 3–3”.
      expect(text).toContain(from === to ? `page ${from}.` : `pages ${from}–${to}`)
    }
  })

  it('should pad each handout to an even page count in the combined file, for duplex printing', async () => {
    const combined = await pdfPages(path.join(out, 'student/fixture-book-handouts.pdf'))
    expect(combined.length % 2).toBe(0)
  })
})

describe('build on US Letter', () => {
  it('should set every page on Letter paper and keep the contents right', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nlmg-letter-'))
    try {
      const result = await build({ root: fixture, outDir: dir, paper: 'letter', formats: ['pdf'], editions: ['student'] })
      expect(result.ok).toBe(true)
      const file = path.join(dir, 'student/fixture-book.pdf')
      expect((await pdfInfo(file))['Page size']).toMatch(/^612 x 792 pts \(letter\)/)
      expect(await contentsProblems(file, [{ title: 'Opening Chapter', running: 'Opening Chapter' }, { title: 'Closing Chapter', running: 'Closing Chapter' }])).toEqual([])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('build without a browser', () => {
  it('should still write the EPUB, say how to get a browser and fail', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nlmg-nobrowser-'))
    try {
      const result = await build({ root: fixture, outDir: dir, browser: '/nonexistent/chromium', editions: ['student'] })
      expect(result.ok).toBe(false)
      expect(result.failure).toMatch(/^Browser not found at \/nonexistent\/chromium\. .*apt-get install chromium/)
      const written = result.written.map((f) => path.relative(dir, f.path))
      expect(written.filter((f) => !f.includes('/web/'))).toEqual(['student/fixture-book.epub'])
      // The site offers only what was built: the EPUB, no PDF.
      expect(written.filter((f) => f.includes('/web/downloads/'))).toEqual(['student/web/downloads/fixture-book.epub'])
      const home = await readFile(path.join(dir, 'student/web/index.html'), 'utf8')
      expect(home).toContain('href="downloads/fixture-book.epub"')
      expect(home).not.toContain('.pdf"')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
