// Classroom handouts: every handout of an edition is printed in one pass (one page load, one print), then
// split at its bookmarks into one file per chapter; the combined file pads each handout to an even page
// count so a duplex printer starts every handout on a fresh sheet.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { locate } from '../../core/paths.js'
import { pathToFileURL } from 'node:url'
import type { PDFDocument } from 'pdf-lib'
import type { Page } from 'puppeteer-core'
import type { Chapter } from '../../book/book.js'
import type { BrowserSession } from '../../browser/browser.js'
import type { ResolvedConfig } from '../../project/config.js'
import { cssPageSize, fileUrl, printFonts } from '../../render/fonts.js'
import { loadPdf, readPdf } from '../pdf/read.js'
import { handoutData, type HandoutData } from './data.js'
import type { Labels } from '../../project/labels.js'
import type { BookLayout } from '../pdf/print.js'
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
  /** Where the same edition's guide puts its chapters and figures, for the page references. */
  guide: BookLayout
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
  let fitted: Fitted
  try {
    await guarded.page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 60_000 })
    await guarded.page.evaluate('document.fonts.ready')
    fitted = await printToFit(guarded.page, handouts.length, job.edition)
    if (guarded.problems.length > 0) throw new Error(`While printing handouts: ${guarded.problems.join('; ')}`)
  } finally {
    await guarded.page.close()
  }
  // pdf-lib (an eighth of a second to load) only for builds that make handouts.
  const pdfLib = await import('pdf-lib')
  const outputs: Output[] = []
  const tooLong: HandoutResult['tooLong'] = []
  // The book's date rather than the clock's, as in the guide: the same input gives the same bytes.
  const date = reproducibleDate(job.config.date, job.sourceDateEpoch)
  const create = async () => {
    const document = await pdfLib.PDFDocument.create({ updateMetadata: false })
    document.setProducer('Chromium, pdf-lib')
    document.setCreationDate(date)
    document.setModificationDate(date)
    document.setLanguage(job.config.language)
    return document
  }
  const combined = await create()
  for (const [i, handout] of handouts.entries()) {
    const { print, pages } = fitted.handouts[i] as PrintedHandout
    const source = fitted.prints[print] as PDFDocument
    if (pages.length > pageLimit(job.edition)) tooLong.push({ slug: handout.slug, pages: pages.length, limit: pageLimit(job.edition) })
    const single = await create()
    for (const page of await single.copyPages(source, pages)) single.addPage(page)
    single.setTitle(`${handout.title}: ${job.labels.handouts}`)
    outputs.push({ path: `${job.edition}/handouts/${String(handout.order).padStart(2, '0')}-${handout.slug}.pdf`, data: await single.save(), pages: pages.length })
    for (const page of await combined.copyPages(source, pages)) combined.addPage(page)
    if (pages.length % 2 === 1) {
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

/** Where one handout was printed at the step chosen for it: which print, and its pages there (0-based). */
interface PrintedHandout {
  print: number
  pages: number[]
}

interface Fitted {
  /** Each round's print, loaded. */
  prints: PDFDocument[]
  /** By handout, in order. */
  handouts: PrintedHandout[]
}

/**
 * Print every handout plain; each one over two pages then looks for the lowest step (`fit-1` … its edition's
 * last) that keeps it to two, halving the steps still open each round, and only the handouts still looking are
 * printed in a round (the others are hidden: each handout begins a page, so none moves another). A handout no
 * step fits is taken at the last step: the caller reports a pupils' sheet still over two pages, while a teacher's
 * copy keeps its figure and takes the pages it needs, up to `pageLimit`. Each step tightens the one before, so
 * the step found is the one trying them in order would find, in about four rounds instead of nine.
 */
async function printToFit(page: Page, count: number, edition: Edition): Promise<Fitted> {
  const last = edition === 'teacher' ? teacherFitLevels : fitLevels
  const prints: PDFDocument[] = []
  const handouts: PrintedHandout[] = []
  // Per handout: the highest step known to leave it long, the lowest known to fit (`last + 1` while none is), the step to print.
  const long = Array.from({ length: count }, () => -1)
  const fits = Array.from({ length: count }, () => last + 1)
  const steps = Array.from({ length: count }, () => 0)
  let round = steps.map((_, i) => i)
  while (round.length > 0) {
    await page.evaluate(
      (shown: Array<[number, number]>) => {
        const articles = document.querySelectorAll<HTMLElement>('article.handout')
        const step = new Map(shown)
        articles.forEach((article, i) => {
          article.classList.remove(...Array.from(article.classList).filter((name) => name.startsWith('fit-')))
          const level = step.get(i)
          article.style.display = level === undefined ? 'none' : ''
          for (let k = 1; k <= (level ?? 0); k++) article.classList.add(`fit-${k}`)
        })
      },
      round.map((i): [number, number] => [i, steps[i] as number])
    )
    const printed = await loadPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: 120_000 }))
    prints.push(printed)
    const { starts, total } = await bookmarkPages(printed, round.length)
    for (const [k, i] of round.entries()) {
      const from = starts[k] as number
      const pages = Array.from({ length: (starts[k + 1] ?? total) - from }, (_, n) => from + n)
      const step = steps[i] as number
      if (pages.length <= 2) fits[i] = step
      else long[i] = step
      // Kept if it fits, or if it is the last step (what a handout no step fits is printed with).
      if (pages.length <= 2 || step === last) handouts[i] = { print: prints.length - 1, pages }
    }
    round = round.filter((i) => (fits[i] as number) - (long[i] as number) > 1)
    for (const i of round) steps[i] = Math.floor(((long[i] as number) + (fits[i] as number)) / 2)
  }
  return { prints, handouts }
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
async function bookmarkPages(pdf: PDFDocument, count: number): Promise<{ starts: number[]; total: number }> {
  const { bookmarks, pageCount } = await readPdf(pdf)
  if (bookmarks.length !== count) throw new Error(`Handouts: found ${bookmarks.length} bookmarks for ${count} handouts`)
  return { starts: bookmarks, total: pageCount }
}
