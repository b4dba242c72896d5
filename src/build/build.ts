// The programmatic core: `build(options)` reads, checks and renders the book and returns a report.
// Nothing is written unless every check passes; outputs are committed together at the end.
import path from 'node:path'
import type { VFile } from 'vfile'
import { processBook, type BookSettings, type Chapter } from '../book/book.js'
import { checkBook, wikipediaShare } from '../book/checks.js'
import { BrowserError, type BrowserSession } from '../browser/browser.js'
import { envEpoch } from '../core/date.js'
import { bookFile, fail, hasErrors } from '../core/messages.js'
import { cacheFolder } from '../core/paths.js'
import { stageClock, type StageClock } from '../core/clock.js'
import { commitOutputs, type Output, type Written } from '../core/write.js'
import { readChapters } from '../project/chapters.js'
import { loadConfig, type ConfigOverrides, type ResolvedConfig } from '../project/config.js'
import { loadLabels } from '../project/labels.js'
import type { Edition } from '../project/schema.js'
import { loadSources } from '../project/sources.js'
import { loadReferences } from '../transform/references-cache.js'
import { loadFigureData } from '../project/figure-data.js'
import { renderFigures, type FiguresInput, type FiguresReport } from '../figures/figures.js'
import { createTemplates } from '../render/templates.js'
import { buildWeb } from '../output/web/web.js'
import '../project/data.js'

export interface BuildOptions extends ConfigOverrides {
  /** The project folder (holding book.yaml and chapters/). */
  root: string
  /** Check only: read and validate everything, write nothing. */
  checkOnly?: boolean
  /** Fixed timestamp for reproducible outputs (defaults to SOURCE_DATE_EPOCH, then the book's date). */
  sourceDateEpoch?: number
  /** Called as each stage finishes. */
  onStage?: (stage: string, ms: number) => void
  /** Called with a line on what the build chose (for `--verbose`): which browser prints the PDF. */
  log?: (line: string) => void
  /** Measure each chapter's words and reading level (for `check` and `--stats`). */
  stats?: boolean
}

export interface ChapterSummary {
  slug: string
  title: string
  words: number
  grade: number
  /** Citations in the chapter, and how many of them go to Wikipedia. */
  citations: number
  wikipedia: number
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
  /** Mermaid diagrams drawn by this build and those taken from the cache. */
  figures?: { drawn: number; cached: number }
}

/** Read, check and (unless `checkOnly`) render the book. */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const clock = stageClock(options.onStage)
  const { config, file: configFile } = await loadConfig(options.root, options)
  const report: BuildReport = { ok: false, files: [configFile], chapters: [], written: [] }
  if (!config) return report
  // Chromium starts while the chapters are processed; an EPUB-only build loads Puppeteer only to draw a diagram
  // the cache does not hold.
  const prints = !options.checkOnly && (config.formats.includes('pdf') || config.formats.includes('handouts'))
  const start = () => {
    const started = import('./print.js').then((m) => m.startBrowser(config, options.log))
    started.catch(() => {})
    return started
  }
  let launch = prints ? start() : undefined
  try {
    return await buildBook(options, config, report, launch, () => (launch ??= start()), clock)
  } finally {
    // Printing closes the browser it used; a build stopped earlier (content errors) closes it here.
    await launch?.then((browser) => browser.close(), () => {})
  }
}

async function buildBook(options: BuildOptions, config: ResolvedConfig, report: BuildReport, launch: Promise<BrowserSession> | undefined, browser: () => Promise<BrowserSession>, clock: StageClock): Promise<BuildReport> {
  const labels = await loadLabels(config.templateDirs, config)
  const bibliography = await loadSources(config.sourcesDir)
  const listing = bookFile(config.chaptersDir)
  const files = await readChapters(config.chaptersDir, listing)
  const figureData = await loadFigureData(path.join(config.chaptersDir, 'figures'))
  report.files.push(listing, ...bibliography.files, ...figureData.files)
  const references = await loadReferences([...bibliography.sources.values()], config.csl, cacheFolder(config.root, 'references'))
  const settings: BookSettings = { labels, sources: bibliography.sources, references, figureData: figureData.data, root: config.root, chaptersDir: config.chaptersDir, stats: options.stats === true }
  clock('read')
  // The teacher edition holds everything, so its messages are the checks; `check` processes only it.
  const processed = await processBook(files, settings, options.checkOnly ? ['teacher'] : [...new Set(['teacher' as const, ...config.editions])])
  const teacher = processed.get('teacher') ?? []
  checkBook(teacher, bibliography.sources, bibliography.places)
  report.files.push(...teacher.map((c) => c.file))
  report.chapters = teacher.map(({ file }) => {
    const { wiki, all } = wikipediaShare(file, bibliography.sources)
    return { slug: file.data.slug as string, title: file.data.matter?.title ?? '', words: file.data.stats?.words ?? 0, grade: file.data.stats?.grade ?? 0, citations: all, wikipedia: wiki }
  })
  clock('check')
  if (hasErrors(report.files) || options.checkOnly) return { ...report, ok: !hasErrors(report.files) }
  // Every edition's figures drawn (the teacher's first: its files carry the messages); a diagram Mermaid
  // refuses stops the build here, before anything is written.
  const drawn = await drawFigures({ editions: processed.values(), figureData: figureData.data, labels, cacheDir: cacheFolder(config.root, 'diagrams'), browser })
  if (typeof drawn === 'string') return { ...report, failure: drawn }
  report.figures = drawn
  clock('figures')
  if (hasErrors(report.files)) return report
  const editions = config.editions.map((edition): [Edition, Chapter[]] => [edition, processed.get(edition) ?? []])
  const templates = createTemplates(config.templateDirs)
  const epoch = options.sourceDateEpoch ?? envEpoch()
  const outputs: Output[] = []
  // Handouts need the guide's page numbers, so the guide is printed whenever PDFs or handouts are asked for. The
  // browser prints in its own processes while this one builds the EPUBs: the two overlap. Printing times its
  // stages on a clock of its own.
  const printing = launch
    ? import('./print.js').then(({ printEditions }) => printEditions({ config, labels, templates, editions, sourceDateEpoch: epoch, onStage: options.onStage, launch }))
    : undefined
  // Awaited below; a failure before then is not an unhandled rejection.
  printing?.catch(() => {})
  if (config.formats.includes('epub')) {
    // Loaded only when asked for: `check` and a PDF-only build never load the EPUB writer and its zip library.
    const { buildEpub } = await import('../output/epub/epub.js')
    for (const [edition, chapters] of editions) {
      outputs.push({ path: `${edition}/${config.filename}.epub`, data: await buildEpub({ config, labels, chapters, templates, edition, sourceDateEpoch: epoch }) })
    }
    clock('epub')
  }
  if (printing) {
    const printed = await printing
    clock('print, rest')
    outputs.push(...printed.outputs)
    report.failure = printed.failure
    // A failure of the machine: with no browser at all the EPUBs are still written (below); a browser that
    // fails half-way leaves the output folder as it was.
    if (printed.failure && !printed.missing) return report
    for (const { slug, edition, pages, limit } of printed.tooLong) {
      const file = teacher.find((c) => c.file.data.slug === slug)?.file
      if (file) fail(file, `The ${edition} handout runs to ${pages} pages (${limit === 2 ? 'two' : 'four'} at most): cut questions, answer lines or key points`, 'handout-length', file.data.matterPlaces?.handout)
    }
    if (hasErrors(report.files)) return report
  }
  const kept = report.failure ? outputs.filter((o) => !o.path.endsWith('.pdf')) : outputs
  // The site comes last: its download section lists (and copies) the files above, with their sizes and pages.
  if (config.formats.includes('web')) {
    const built = [...kept]
    for (const [edition, chapters] of editions) kept.push(...(await buildWeb({ config, labels, templates, edition, chapters, built })))
    clock('web')
  }
  report.written = await commitOutputs(config.outDir, kept)
  clock('write')
  return { ...report, ok: !report.failure }
}

/** The figures drawn, or (a failure of the machine: no browser to draw a diagram with) the reason why not. */
async function drawFigures(input: FiguresInput): Promise<FiguresReport | string> {
  try {
    return await renderFigures(input)
  } catch (error) {
    if (error instanceof BrowserError) return error.message
    throw error
  }
}

