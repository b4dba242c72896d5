// Classroom handouts: every handout of an edition is printed in one pass (one page load, one print), then
// split at its bookmarks into one file per chapter; the combined file pads each handout to an even page
// count so a duplex printer starts every handout on a fresh sheet.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { locate } from '../../core/paths.js'
import { pathToFileURL } from 'node:url'
import type { Page } from 'puppeteer-core'
import type { Chapter } from '../../book/book.js'
import type { BrowserSession } from '../../browser/browser.js'
import type { ResolvedConfig } from '../../project/config.js'
import { cssPageSize, fileUrl, printFonts } from '../../render/fonts.js'
import { readPdf } from '../pdf/read.js'
import { handoutData, type HandoutData } from './data.js'
import type { Labels } from '../../project/labels.js'
import type { PrintedBook } from '../pdf/print.js'
import { reproducibleDate } from '../../core/date.js'
import type { Edition } from '../../project/schema.js'
import type { Templates } from '../../render/templates.js'
import type { Output } from '../../core/write.js'

export interface HandoutJob {
  config: ResolvedConfig
  labels: Labels
  templates: Templates
  browser: BrowserSession
  workDir: string
  allowedRoots: string[]
  edition: Edition
  chapters: Chapter[]
  /** The same edition's guide, for the page references. */
  guide: PrintedBook
  /** Seconds since 1970 for the files' dates (SOURCE_DATE_EPOCH); defaults to the book's date. */
  sourceDateEpoch?: number
}

export interface HandoutResult {
  outputs: Output[]
  /** Handouts longer than their edition allows (`pageLimit`), by chapter slug. */
  tooLong: Array<{ slug: string; pages: number; limit: number }>
}

/** Print, split and combine the handouts of one edition. */
export async function buildHandouts(job: HandoutJob): Promise<HandoutResult> {
  const handouts = handoutData(job.chapters, job.labels)
  if (handouts.length === 0) return { outputs: [], tooLong: [] }
  const html = (await job.templates.get('handouts.hbs'))(context(job, handouts))
  const file = path.join(job.workDir, `handouts-${job.edition}.html`)
  await writeFile(file, html)
  const guarded = await job.browser.newPage(job.allowedRoots)
  let printed: Uint8Array
  let starts: number[]
  try {
    await guarded.page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 60_000 })
    await guarded.page.evaluate('document.fonts.ready')
    ;({ printed, starts } = await printToFit(guarded.page, handouts.length, job.edition))
    if (guarded.problems.length > 0) throw new Error(`While printing handouts: ${guarded.problems.join('; ')}`)
  } finally {
    await guarded.page.close()
  }
  // pdf-lib (an eighth of a second to load) only for builds that make handouts.
  const { PDFDocument } = await import('pdf-lib')
  const source = await PDFDocument.load(printed)
  const outputs: Output[] = []
  const tooLong: HandoutResult['tooLong'] = []
  // The book's date rather than the clock's, as in the guide: the same input gives the same bytes.
  const date = reproducibleDate(job.config.date, job.sourceDateEpoch)
  const create = async () => {
    const document = await PDFDocument.create({ updateMetadata: false })
    document.setProducer('Chromium, pdf-lib')
    document.setCreationDate(date)
    document.setModificationDate(date)
    document.setLanguage(job.config.language)
    return document
  }
  const combined = await create()
  for (const [i, handout] of handouts.entries()) {
    const from = starts[i] as number
    const to = (starts[i + 1] ?? source.getPageCount()) - 1
    const indices = Array.from({ length: to - from + 1 }, (_, k) => from + k)
    if (indices.length > pageLimit(job.edition)) tooLong.push({ slug: handout.slug, pages: indices.length, limit: pageLimit(job.edition) })
    const single = await create()
    for (const page of await single.copyPages(source, indices)) single.addPage(page)
    single.setTitle(`${handout.title}: ${job.labels.handouts}`)
    outputs.push({ path: `${job.edition}/handouts/${String(handout.order).padStart(2, '0')}-${handout.slug}.pdf`, data: await single.save(), pages: indices.length })
    for (const page of await combined.copyPages(source, indices)) combined.addPage(page)
    if (indices.length % 2 === 1) {
      const { width, height } = combined.getPage(combined.getPageCount() - 1).getSize()
      combined.addPage([width, height])
    }
  }
  combined.setTitle(`${job.config.title}: ${job.labels.handouts}`)
  outputs.push({ path: `${job.edition}/${job.config.filename}-handouts.pdf`, data: await combined.save(), pages: combined.getPageCount() })
  return { outputs, tooLong }
}

/**
 * Tighter spacing steps, then a wider measure, then (the teacher's guidance only) 10pt type, then the chapter's
 * figure drawn at the guide's width, then every question one answer line shorter, then (the pupils' sheet only)
 * the figure given as a reference to its page in the guide rather than drawn, then not even that (the sheet's foot
 * names the guide's pages, which hold it): styles/handout.css `.fit-N`.
 */
const fitLevels = 9

/** The last step a teacher's copy takes: the steps after it give the figure up, which the teacher's copy never does. */
const teacherFitLevels = 7

/**
 * The most pages a handout may take. The pupils' sheet is one sheet of paper printed on both sides, copied for a
 * class; the teacher's copy, printed once, may take a second sheet when its answer guidance and its figure need
 * the room, after the same steps failed to keep it to two pages.
 */
export function pageLimit(edition: Edition): number {
  return edition === 'teacher' ? 4 : 2
}

/**
 * Print; any handout over two pages gets the next `fit-N` class and the whole set is printed again, until all
 * fit or the edition's last step is reached: then the caller reports a pupils' sheet still over two pages, while a
 * teacher's copy keeps its figure and takes the pages it needs, up to `pageLimit`.
 */
async function printToFit(page: Page, count: number, edition: Edition): Promise<{ printed: Uint8Array; starts: number[] }> {
  const last = edition === 'teacher' ? teacherFitLevels : fitLevels
  for (let level = 1; ; level++) {
    const printed = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: 120_000 })
    const { starts, total } = await bookmarkPages(printed, count)
    const long = starts.map((start, i) => (starts[i + 1] ?? total) - start).flatMap((pages, i) => (pages > 2 ? [i] : []))
    if (long.length === 0 || level > last) return { printed, starts }
    await page.evaluate(
      (indices: number[], className: string) => {
        const articles = document.querySelectorAll('article.handout')
        for (const i of indices) articles[i]?.classList.add(className)
      },
      long,
      `fit-${level}`
    )
  }
}

/** Where a handout's chapter stands in the printed guide: "page 7" for one page, "pages 7–9" for more. */
export function guideReference(templates: Templates, labels: Labels, where: { edition: string; chapter: string; from: number; to: number }): string {
  return templates.text(labels.guideReference, { ...where, edition: where.edition.toLowerCase(), single: where.from === where.to })
}

function context(job: HandoutJob, handouts: HandoutData[]) {
  const { config, labels, guide } = job
  const editionLabel = job.edition === 'teacher' ? labels.teacherEdition : labels.studentEdition
  const starts = job.chapters.map(({ file }) => guide.pages.get(file.data.slug as string) ?? 0)
  return {
    book: config,
    labels,
    edition: job.edition,
    editionLabel,
    teacher: job.edition === 'teacher',
    pageSize: cssPageSize(config.paper),
    stylesheet: pathToFileURL(locate(config.styleDirs, 'handout.css')).href,
    fonts: printFonts(fileUrl),
    handouts: handouts.map((handout) => {
      const index = job.chapters.findIndex(({ file }) => file.data.slug === handout.slug)
      const from = starts[index] ?? 0
      const to = (starts[index + 1] ?? guide.pageCount + 1) - 1
      return {
        ...handout,
        // The first two answer lines stay with the question's words; the rest may continue on the next page.
        questions: handout.questions.map((q) => ({ ...q, firstLines: Math.min(2, q.lines), restLines: Math.max(0, q.lines - 2) })),
        viewingLabel: handout.when === 'before' ? labels.beforeViewing : labels.afterViewing,
        guideReference: guideReference(job.templates, labels, { edition: editionLabel, chapter: handout.title, from, to }),
        // Shown instead of a figure only when a pupils' sheet cannot keep its two pages with it (`.fit-8`).
        figures: handout.figures.map((f) => ({ ...f, reference: job.templates.text(labels.figureInGuide, { figure: `${labels.figure} ${f.number}`, caption: f.caption, page: guide.pages.get(f.id) ?? from }) }))
      }
    })
  }
}


/** The first page (0-based) of each top-level bookmark: one per handout, in order. */
async function bookmarkPages(pdf: Uint8Array, count: number): Promise<{ starts: number[]; total: number }> {
  const { bookmarks, pageCount } = await readPdf(pdf)
  if (bookmarks.length !== count) throw new Error(`Handouts: found ${bookmarks.length} bookmarks for ${count} handouts`)
  return { starts: bookmarks, total: pageCount }
}
