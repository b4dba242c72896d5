// The guide itself, built whole into a temporary folder: its own check finds nothing, and every output holds
// what readers, students and teachers are promised.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildReport } from '../src/build/build.js'
import { editionProblems, epubText, pdfText, teacherOnlyTexts, webText } from './edition-checks.js'
import { root } from './helpers.js'
import { contentsProblems, readContents, strandedHeadings, type ChapterTitle } from './pdf-checks.js'
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

  it('should give every chapter with questions a handout of one or two pages that points at its pages of the guide', async () => {
    for (const edition of ['student', 'teacher']) {
      const contents = readContents(await pdfPages(path.join(out, `${edition}/${name}.pdf`)))
      const starts = chapters.map((c) => contents.find((e) => e.text === c.title)?.page ?? 0)
      const pageCount = (await pdfPages(path.join(out, `${edition}/${name}.pdf`))).length
      for (const [i, chapter] of chapters.entries()) {
        if (!chapter.handout) continue
        const pages = await pdfPages(path.join(out, `${edition}/handouts/${chapter.file.replace(/\.md$/, '.pdf')}`))
        expect({ file: chapter.file, pages: pages.length <= 2 && pages.length >= 1 }).toEqual({ file: chapter.file, pages: true })
        const to = (starts[i + 1] ?? pageCount + 1) - 1
        for (const page of pages) expect(page).toContain(starts[i] === to ? `page ${to}.` : `pages ${starts[i]}–${to}.`)
      }
    }
  })

  it('should give handouts that stand alone: no pointer to text not on the sheet, a photocopying permission on each', async () => {
    for (const edition of ['student', 'teacher']) {
      for (const chapter of chapters.filter((c) => c.handout)) {
        const text = (await pdfPages(path.join(out, `${edition}/handouts/${chapter.file.replace(/\.md$/, '.pdf')}`))).join('\n').replace(/\s+/g, ' ')
        const pointers = [...text.matchAll(/\b(above|this chapter|the chapter)\b/gi)].map((m) => text.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + 30))
        expect({ handout: `${edition}/${chapter.file}`, pointers }).toEqual({ handout: `${edition}/${chapter.file}`, pointers: [] })
        expect(text).toContain('Photocopiable: this sheet may be copied freely for use in a classroom.')
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
