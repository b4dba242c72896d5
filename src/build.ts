// The programmatic core: `build(options)` reads, checks and renders the book and returns a report.
// Nothing is written unless every check passes; outputs are committed together at the end.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { VFile } from 'vfile'
import { bookFile, checkBook, processBook, type Chapter } from './book.js'
import { BrowserError, findBrowser, launchBrowser, type BrowserSession } from './browser.js'
import { loadConfig, packageRoot, type ConfigOverrides, type ResolvedConfig } from './config.js'
import { buildEpub } from './epub.js'
import { loadLabels, type Labels } from './labels.js'
import { hyphenatorFor } from './hyphenate.js'
import { buildHandouts } from './handouts.js'
import { printBook, type PrintedBook } from './pdf.js'
import { setPdfMetadata } from './pdf-metadata.js'
import { contentsIds, printContext, renderPrintHtml } from './print-html.js'
import { readChapters } from './read-chapters.js'
import type { Edition } from './schema.js'
import { loadSources } from './sources.js'
import { createTemplates, type Templates } from './templates.js'
import { commitOutputs, type Output, type Written } from './write-output.js'
import './types.js'

export interface BuildOptions extends ConfigOverrides {
  /** The project folder (holding book.yaml and chapters/). */
  root: string
  /** Check only: read and validate everything, write nothing. */
  checkOnly?: boolean
  /** Fixed timestamp for reproducible outputs (defaults to SOURCE_DATE_EPOCH, then the book's date). */
  sourceDateEpoch?: number
  /** Called as each stage finishes. */
  onStage?: (stage: string, ms: number) => void
}

export interface ChapterSummary {
  slug: string
  title: string
  words: number
  grade: number
}

export interface BuildReport {
  ok: boolean
  /** Every file that carries messages (chapters, sources, configuration). */
  files: VFile[]
  chapters: ChapterSummary[]
  /** The files written: absolute path, size and (PDFs) page count. */
  written: Written[]
  /** A failure of the machine rather than the content (no browser, say), as one line. */
  failure?: string
}

/** Read, check and (unless `checkOnly`) render the book. */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const clock = stageClock(options.onStage)
  const { config, file: configFile } = await loadConfig(options.root, options)
  const report: BuildReport = { ok: false, files: [configFile], chapters: [], written: [] }
  if (!config) return report
  const labels = await loadLabels(config.templatesDir)
  const { sources, files: sourceFiles } = await loadSources(config.sourcesDir)
  const problems = bookFile(config.chaptersDir)
  const files = await readChapters(config.chaptersDir, problems)
  report.files.push(problems, ...sourceFiles)
  clock('read')
  const input = { config, labels, sources, files }
  const teacher = await processBook(input, 'teacher')
  checkBook(teacher, sources, sourceFiles)
  report.files.push(...teacher.map((c) => c.file))
  report.chapters = teacher.map(({ file }) => ({
    slug: file.data.slug as string,
    title: file.data.matter?.title ?? '',
    words: file.data.stats?.words ?? 0,
    grade: file.data.stats?.grade ?? 0
  }))
  clock('check')
  if (report.files.some((f) => f.messages.some((m) => m.fatal))) return report
  if (options.checkOnly) return { ...report, ok: true }

  const templates = createTemplates(config.templatesDir)
  const editions: Array<[Edition, Chapter[]]> = []
  for (const edition of config.editions) editions.push([edition, edition === 'teacher' ? teacher : await processBook(input, edition)])
  const outputs: Output[] = []
  const epoch = options.sourceDateEpoch ?? envEpoch()
  if (config.formats.includes('epub')) {
    for (const [edition, chapters] of editions) {
      outputs.push({ path: `${edition}/${config.filename}.epub`, data: await buildEpub({ config, labels, chapters, templates, sourceDateEpoch: epoch }) })
    }
    clock('epub')
  }
  // Handouts need the guide's page numbers, so the guide is printed whenever PDFs or handouts are asked for.
  if (config.formats.includes('pdf') || config.formats.includes('handouts')) {
    let browser: BrowserSession | undefined
    const workDir = await mkdtemp(path.join(os.tmpdir(), 'nlmg-build-'))
    try {
      browser = await launchBrowser(findBrowser(config.browser))
      clock('browser')
      for (const [edition, chapters] of editions) {
        const job = { config, labels, templates, browser, workDir, edition, chapters, sourceDateEpoch: epoch }
        const guide = await buildPdf(job)
        if (config.formats.includes('pdf')) outputs.push({ path: `${edition}/${config.filename}.pdf`, data: guide.pdf, pages: guide.pageCount })
        clock(`pdf ${edition}`)
        if (!config.formats.includes('handouts')) continue
        const handouts = await buildHandouts({ ...job, guide, allowedRoots: allowedRoots(workDir, config) })
        outputs.push(...handouts.outputs)
        for (const { slug, pages } of handouts.tooLong) {
          // Reported on the chapter's file from the checking pass, so each chapter is listed once.
          const file = teacher.find((c) => c.file.data.slug === slug)?.file
          const message = file?.message(`The ${edition} handout runs to ${pages} pages (two at most): cut questions, answer lines or key points`, { place: { line: 1, column: 1 }, ruleId: 'handout-length', source: 'nlmg' })
          if (message) message.fatal = true
        }
        clock(`handouts ${edition}`)
      }
    } catch (error) {
      if (!(error instanceof BrowserError)) throw error
      report.failure = error.message
    } finally {
      await browser?.close()
      await rm(workDir, { recursive: true, force: true })
    }
    if (report.files.some((f) => f.messages.some((m) => m.fatal))) return report
  }
  // With no browser the EPUBs are still written; the failure is reported and the exit code says so.
  report.written = await commitOutputs(config.outDir, report.failure ? outputs.filter((o) => !o.path.endsWith('.pdf')) : outputs)
  clock('write')
  return { ...report, ok: !report.failure }
}

interface PdfJob {
  config: ResolvedConfig
  labels: Labels
  templates: Templates
  browser: BrowserSession
  workDir: string
  edition: Edition
  chapters: Chapter[]
  sourceDateEpoch?: number
}

/** Folders a printed page may load from: the build's own work folder, the project, and the package (fonts, styles). */
function allowedRoots(workDir: string, config: ResolvedConfig) {
  return [workDir, config.root, packageRoot]
}

/** The guide for one edition: printed with its contents' page numbers, with document metadata set. */
async function buildPdf(job: PdfJob): Promise<PrintedBook> {
  const guarded = await job.browser.newPage(allowedRoots(job.workDir, job.config))
  try {
    const { config } = job
    const input = { config, labels: job.labels, chapters: job.chapters, edition: job.edition, paper: config.paper, hyphenate: hyphenatorFor(config.language) }
    const html = await renderPrintHtml(job.templates, printContext(input))
    const book = await printBook(guarded, { workDir: job.workDir, name: `${job.edition}-${config.paper}` }, html, contentsIds(job.chapters))
    if (guarded.problems.length > 0) throw new Error(`While printing: ${guarded.problems.join('; ')}`)
    const pdf = await setPdfMetadata(book.pdf, {
      title: config.subtitle ? `${config.title}: ${config.subtitle}` : config.title,
      authors: config.authors,
      subject: config.description,
      keywords: config.keywords,
      language: config.language,
      creator: `${config.publisher} (${job.labels[job.edition === 'teacher' ? 'teacherEdition' : 'studentEdition']})`,
      date: reproducibleDate(config.date, job.sourceDateEpoch)
    })
    return { ...book, pdf }
  } finally {
    await guarded.page.close()
  }
}

/** The fixed date of reproducible outputs: SOURCE_DATE_EPOCH when given, else the book's date. */
export function reproducibleDate(date: string, epoch?: number): Date {
  return epoch !== undefined ? new Date(epoch * 1000) : new Date(`${date}T00:00:00Z`)
}

function envEpoch(): number | undefined {
  const value = process.env.SOURCE_DATE_EPOCH
  return value && /^\d+$/.test(value) ? Number(value) : undefined
}

function stageClock(onStage?: (stage: string, ms: number) => void) {
  let last = performance.now()
  return (stage: string) => {
    const now = performance.now()
    onStage?.(stage, now - last)
    last = now
  }
}
