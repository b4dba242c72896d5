// The guide itself, built whole into a temporary folder: its own check finds nothing, and every output holds
// what readers, students and teachers are promised.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toText } from 'hast-util-to-text'
import JSZip from 'jszip'
import { visit, EXIT } from 'unist-util-visit'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildReport } from '../src/build/build.js'
import { editionProblems, epubText, pdfText, teacherOnlyTexts, webText } from './edition-checks.js'
import { root } from './helpers.js'
import { bodyLines, contentsProblems, median, punctuationLines, readContents, shortPages, softHyphenated, strandedHeadings, type ChapterTitle } from './pdf-checks.js'
import { epubcheck, pdfFonts, pdfPages } from './tools.js'

const chaptersDir = path.join(root, 'chapters')
const name = 'never-let-me-go-study-guide'
let out: string
let report: BuildReport
let chapters: Array<ChapterTitle & { file: string; handout: boolean }>

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'nlmg-guide-'))
  report = await build({ root, outDir: out, stats: true })
  const files = (await readdir(chaptersDir)).filter((n) => /^\d+-.*\.md$/.test(n)).sort()
  chapters = await Promise.all(
    files.map(async (file) => {
      const matter = parse((await readFile(path.join(chaptersDir, file), 'utf8')).split(/^---$/m)[1] as string)
      return { file, title: matter.title, running: matter.short ?? matter.title, handout: Boolean(matter.handout) }
    })
  )
})
/** The first element of `tree` that passes `test`. */
function find(tree: Root | Element, test: (element: Element) => boolean): Element | undefined {
  let found: Element | undefined
  visit(tree, 'element', (element: Element) => {
    if (!test(element)) return
    found = element
    return EXIT
  })
  return found
}

afterAll(async () => {
  await rm(out, { recursive: true, force: true })
})

describe('the guide', () => {
  it('should build with no error and no warning from its own checks', () => {
    expect(report.files.flatMap((f) => f.messages.map(String))).toEqual([])
    expect(report.ok).toBe(true)
  })

  it('should be a real guide: every chapter file built, at least 15,000 words, each at reading grade 9 to 11', async () => {
    const files = (await readdir(path.join(root, 'chapters'))).filter((f) => f.endsWith('.md'))
    expect(files.length).toBeGreaterThanOrEqual(14)
    expect(report.chapters).toHaveLength(files.length)
    expect(report.chapters.reduce((n, c) => n + c.words, 0)).toBeGreaterThanOrEqual(15_000)
    for (const c of report.chapters) expect({ slug: c.slug, ok: c.grade >= 9 && c.grade <= 11 }).toEqual({ slug: c.slug, ok: true })
  })

  it('should print contents numbers that match the pages, the right running heads, no heading left at a page foot, only embedded fonts', async () => {
    for (const edition of ['student', 'teacher']) {
      const file = path.join(out, `${edition}/${name}.pdf`)
      expect(await contentsProblems(file, chapters)).toEqual([])
      expect(await strandedHeadings(file)).toEqual([])
      const fonts = await pdfFonts(file)
      expect(fonts.filter((f) => !f.embedded)).toEqual([])
    }
  })

  it('should set each edition as a book: a measure of 60 to 75 characters, words whole, nothing stranded, no near-empty page', async () => {
    for (const edition of ['student', 'teacher']) {
      const pages = await pdfPages(path.join(out, `${edition}/${name}.pdf`), { asPrinted: true })
      const first = readContents(pages).find((e) => e.text === chapters[0]?.title)?.page ?? 1
      const measure = median(bodyLines(pages.slice(first - 1)).map((l) => l.length))
      expect({ edition, measure: measure >= 60 && measure <= 75 }).toEqual({ edition, measure: true })
      expect(softHyphenated(pages)).toEqual([])
      expect(punctuationLines(pages)).toEqual([])
      // Paper has no links: a note's back-link mark (↑) would lead nowhere.
      expect(pages.filter((p) => p.includes('↑')).length).toBe(0)
      // The cover and the title page are short by design; no other page may hold only a few lines.
      expect({ edition, short: shortPages(pages).filter((n) => n > 2) }).toEqual({ edition, short: [] })
    }
  })

  it('should print every name whole: each chapter whose source names Ishiguro names him on its own pages', async () => {
    const pages = await pdfPages(path.join(out, `teacher/${name}.pdf`), { asPrinted: true })
    const contents = readContents(pages)
    const starts = chapters.map((c) => contents.find((e) => e.text === c.title)?.page ?? 0)
    for (const [i, chapter] of chapters.entries()) {
      const source = (await readFile(path.join(chaptersDir, chapter.file), 'utf8')).split(/^---$/m).slice(2).join('---')
      if (!source.includes('Ishiguro')) continue
      const text = pages.slice((starts[i] ?? 1) - 1, (starts[i + 1] ?? pages.length + 1) - 1).join('\n')
      expect({ file: chapter.file, found: text.includes('Ishiguro') }).toEqual({ file: chapter.file, found: true })
    }
    expect(pages.join('\n')).not.toMatch(/Ishi(?!guro)/)
  })

  it('should open with a cover, a title page and an imprint (edition, rights, photocopying, how to cite) within four pages', async () => {
    const labels = JSON.parse(await readFile(path.join(root, 'templates/labels.json'), 'utf8')) as Record<string, string>
    const book = parse(await readFile(path.join(root, 'book.yaml'), 'utf8')) as { title: string; rights: string; publisher: string }
    for (const edition of ['student', 'teacher']) {
      const pages = (await pdfPages(path.join(out, `${edition}/${name}.pdf`))).slice(0, 4).map((p) => p.replace(/\s+/g, ' '))
      const editionLabel = labels[edition === 'teacher' ? 'teacherEdition' : 'studentEdition'] as string
      expect(pages.findIndex((p) => p.includes(book.title) && p.includes(book.publisher) && p.includes(editionLabel))).toBeGreaterThan(0)
      const imprint = pages.find((p) => p.includes(labels.photocopyingGuide as string))
      expect(imprint).toContain(book.rights)
      expect(imprint).toContain(labels.howToCite)
      // One credit on the cover: the publisher is not repeated there.
      expect(pages[0]).not.toContain(book.publisher)
    }
  })

  it('should pass epubcheck with no errors or warnings in both editions', async () => {
    for (const edition of ['student', 'teacher']) {
      const result = await epubcheck(path.join(out, `${edition}/${name}.epub`))
      expect({ edition, errors: result.fatals + result.errors, warnings: result.warnings }).toEqual({ edition, errors: 0, warnings: 0 })
    }
  })

  it('should keep every answer and teacher note out of all student outputs (web pages and search index included) and in the teacher outputs', async () => {
    const needles = await teacherOnlyTexts(chaptersDir)
    expect(needles.length).toBeGreaterThan(30)
    const texts = async (edition: string) => ({
      pdf: await pdfText(path.join(out, `${edition}/${name}.pdf`)),
      epub: await epubText(path.join(out, `${edition}/${name}.epub`)),
      web: await webText(path.join(out, `${edition}/web`))
    })
    expect(editionProblems(needles, await texts('student'), await texts('teacher'))).toEqual([])
    // Handouts carry only the questions section: nothing teacher-only may reach a student handout.
    const studentHandouts = await pdfText(path.join(out, `student/${name}-handouts.pdf`))
    expect(needles.filter((n) => studentHandouts.includes(n.slice(0, 80)))).toEqual([])
  })

  it('should give every chapter with questions a handout that points at its pages of the guide: one or two pages for pupils, up to four for the teacher', async () => {
    for (const edition of ['student', 'teacher']) {
      const contents = readContents(await pdfPages(path.join(out, `${edition}/${name}.pdf`)))
      const starts = chapters.map((c) => contents.find((e) => e.text === c.title)?.page ?? 0)
      const pageCount = (await pdfPages(path.join(out, `${edition}/${name}.pdf`))).length
      for (const [i, chapter] of chapters.entries()) {
        if (!chapter.handout) continue
        const pages = await pdfPages(path.join(out, `${edition}/handouts/${chapter.file.replace(/\.md$/, '.pdf')}`))
        expect({ file: chapter.file, pages: pages.length <= (edition === 'teacher' ? 4 : 2) && pages.length >= 1 }).toEqual({ file: chapter.file, pages: true })
        const to = (starts[i + 1] ?? pageCount + 1) - 1
        for (const page of pages) expect(page).toContain(starts[i] === to ? `page ${to}.` : `pages ${starts[i]}–${to}.`)
      }
    }
  })

  it('should hold its four figures in the PDF, the EPUB and the web edition, each numbered, captioned, with alternative text and its data as text', async () => {
    const figures = [
      { id: 'fig-timeline', slug: 'plot', number: '3.1', drawn: 'Kathy is a carer; Ruth dies' },
      { id: 'fig-characters', slug: 'characters', number: '4.1', drawn: 'tells them the truth' },
      { id: 'fig-themes', slug: 'themes', number: '5.1', drawn: 'Kathy at the fence' },
      { id: 'fig-reception', slug: 'reception', number: '9.1', drawn: 'Unconvinced' }
    ]
    const zip = await JSZip.loadAsync(await readFile(path.join(out, `student/${name}.epub`)))
    for (const figure of figures) {
      const epub = fromHtml((await zip.file(`OEBPS/${figure.slug}.xhtml`)?.async('string')) ?? '')
      const web = fromHtml(await readFile(path.join(out, `student/web/${figure.slug}.html`), 'utf8'))
      for (const [output, tree] of [['epub', epub], ['web', web]] as const) {
        const element = find(tree, (e) => e.tagName === 'figure' && e.properties.id === figure.id)
        const svg = element && find(element, (e) => e.tagName === 'svg' && e.properties.role === 'img')
        const title = svg && find(svg, (e) => e.tagName === 'title')
        const caption = element && find(element, (e) => e.tagName === 'figcaption')
        expect({
          output,
          id: figure.id,
          caption: caption ? toText(caption).startsWith(`Figure ${figure.number}`) : false,
          alt: title ? toText(title).length > 20 : false,
          drawn: svg ? toText(svg).includes(figure.drawn) : false,
          data: find(tree, (e) => e.properties.id === `${figure.id}-data` && find(e, (t) => t.tagName === 'table') !== undefined) !== undefined,
          linked: caption ? find(caption, (e) => e.tagName === 'a' && e.properties.href === `#${figure.id}-data`) !== undefined : false
        }).toEqual({ output, id: figure.id, caption: true, alt: true, drawn: true, data: true, linked: true })
      }
    }
    // The PDF lists the figures after the contents and draws each with its labels as text.
    const pages = await pdfPages(path.join(out, `student/${name}.pdf`))
    const list = pages.slice(0, 8).find((p) => p.includes('Figures')) ?? ''
    const text = pages.join('\n')
    for (const figure of figures) expect({ id: figure.id, listed: list.includes(`Figure ${figure.number}`), drawn: text.includes(figure.drawn) }).toEqual({ id: figure.id, listed: true, drawn: true })
  })

  it('should draw the time line, the character map, the theme tracker and the critics’ verdicts on both editions’ handouts of their chapters', async () => {
    // Each sheet holds its figure's caption and a label drawn in it, and no reference to the guide in its place.
    const drawn = {
      '03-plot.pdf': ['Figure 3.1', 'Kathy is a carer; Ruth dies'],
      '04-characters.pdf': ['Figure 4.1', 'tells them the truth'],
      '05-themes.pdf': ['Figure 5.1', 'Kathy at the fence'],
      '09-reception.pdf': ['Figure 9.1', 'Unconvinced']
    }
    for (const edition of ['student', 'teacher']) {
      for (const [file, words] of Object.entries(drawn)) {
        const text = (await pdfPages(path.join(out, `${edition}/handouts/${file}`))).join('\n')
        for (const word of words) expect(text, `${edition}/${file}: ${word}`).toContain(word)
        expect(text, `${edition}/${file}`).not.toContain('see the full guide, page')
      }
    }
  })

  it('should fit every handout of both editions on US Letter as well (two pages for pupils, four for the teacher)', async () => {
    const letter = await mkdtemp(path.join(os.tmpdir(), 'nlmg-guide-letter-'))
    try {
      const printed = await build({ root, outDir: letter, paper: 'letter', formats: ['handouts'] })
      const tooLong = printed.files.flatMap((f) => f.messages.filter((m) => m.ruleId === 'handout-length').map((m) => `${f.basename}: ${m.reason}`))
      expect(tooLong).toEqual([])
      expect(printed.ok).toBe(true)
    } finally {
      await rm(letter, { recursive: true, force: true })
    }
  })

  it('should give handouts that stand alone: no pointer to text not on the sheet, a photocopying permission on each', async () => {
    for (const edition of ['student', 'teacher']) {
      for (const chapter of chapters.filter((c) => c.handout)) {
        const text = (await pdfPages(path.join(out, `${edition}/handouts/${chapter.file.replace(/\.md$/, '.pdf')}`))).join('\n').replace(/\s+/g, ' ')
        const pointers = [...text.matchAll(/\b(above|this chapter|the chapter)\b/gi)].map((m) => text.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + 30))
        expect({ handout: `${edition}/${chapter.file}`, pointers }).toEqual({ handout: `${edition}/${chapter.file}`, pointers: [] })
        expect(text).toContain('Photocopiable: this sheet may be copied freely for use in a classroom.')
        // An essay prompt on a pupil's sheet says where the essay itself goes.
        if (edition === 'student' && /Essay prompt \d/.test(text)) expect(text).toContain('write the essay on lined paper')
        const pages = await pdfPages(path.join(out, `${edition}/handouts/${chapter.file.replace(/\.md$/, '.pdf')}`), { asPrinted: true })
        expect({ handout: chapter.file, stranded: punctuationLines(pages), hyphenated: softHyphenated(pages), backlinks: text.includes('↑') }).toEqual({
          handout: chapter.file,
          stranded: [],
          hyphenated: [],
          backlinks: false
        })
      }
    }
  })

  it('should name no working file of the guide in any output (a "seed" file and its number)', async () => {
    for (const edition of ['student', 'teacher']) {
      const texts = [await pdfText(path.join(out, `${edition}/${name}.pdf`)), await epubText(path.join(out, `${edition}/${name}.epub`)), await webText(path.join(out, `${edition}/web`))]
      for (const text of texts) expect(text.match(/\bseed (?:file|document)s?\b|\bseed(?:s)? \d{3}\b/gi) ?? []).toEqual([])
    }
  })
})
