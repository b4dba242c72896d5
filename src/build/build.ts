// The programmatic core: `build(options)` reads, checks and renders the book and returns a report.
// Nothing is written unless every check passes; outputs are committed together at the end.
import type { VFile } from 'vfile'
import { bookFile, checkBook, hasErrors, processBook, type BookInput, type Chapter } from '../book/book.js'
import type { BrowserSession } from '../browser/browser.js'
import { openBuildCache } from '../book/build-cache.js'
import { chapterCache } from '../book/chapter-cache.js'
import { loadConfig, type ConfigOverrides, type ResolvedConfig } from '../project/config.js'
import { buildEpub } from '../output/epub/epub.js'
import { loadLabels } from '../project/labels.js'
import type { PrintResult } from './print.js'
import { readChapters } from '../project/chapters.js'
import type { Edition } from '../project/schema.js'
import { loadSources } from '../project/sources.js'
import { createTemplates } from '../render/templates.js'
import { commitOutputs, type Output, type Written } from '../core/write.js'
import '../core/data.js'

export interface BuildOptions extends ConfigOverrides {
  /** The project folder (holding book.yaml and chapters/). */
  root: string
  /** Check only: read and validate everything, write nothing. */
  checkOnly?: boolean
  /** Fixed timestamp for reproducible outputs (defaults to SOURCE_DATE_EPOCH, then the book's date). */
  sourceDateEpoch?: number
  /** Called as each stage finishes. */
  onStage?: (stage: string, ms: number) => void
  /** Measure each chapter's words and reading level (for `check` and `--stats`). */
  stats?: boolean
  /** Keep processed chapters here between builds (chapter-cache.ts); none when absent. */
  cacheDir?: string
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
  // Chromium starts while the chapters are processed; an EPUB-only build never loads Puppeteer.
  const prints = !options.checkOnly && (config.formats.includes('pdf') || config.formats.includes('handouts'))
  const launch = prints ? import('./print.js').then((m) => m.startBrowser(config)) : undefined
  launch?.catch(() => {})
  try {
    return await buildBook(options, config, report, launch, clock)
  } finally {
    // Printing closes the browser it used; a build stopped earlier (content errors) closes it here.
    await launch?.then((browser) => browser.close(), () => {})
  }
}

async function buildBook(options: BuildOptions, config: ResolvedConfig, report: BuildReport, launch: Promise<BrowserSession> | undefined, clock: (stage: string) => void): Promise<BuildReport> {
  const cache = options.cacheDir ? await openBuildCache(options.cacheDir) : undefined
  const labels = await loadLabels(config.templatesDir)
  const { sources, files: sourceFiles } = await loadSources(config.sourcesDir, cache)
  const problems = bookFile(config.chaptersDir)
  const files = await readChapters(config.chaptersDir, problems)
  report.files.push(problems, ...sourceFiles)
  const stats = options.stats === true
  // Everything processing reads besides the chapter itself (and its images, which the cache checks apart).
  const settings = { labels, sources: [...sources], root: config.root, chaptersDir: config.chaptersDir, stats }
  clock('read')
  try {
    const input: BookInput = { config, labels, sources, files, stats, parsed: new Map(), shared: new Map(), cache: cache && chapterCache(cache, settings) }
    return await renderBook(options, input, report, sourceFiles, launch, clock)
  } finally {
    // Entries of chapters the book no longer has go.
    const stems = new Set(files.map((f) => f.stem))
    await cache?.flush((name) => name === 'sources' || stems.has(name.split('.')[0] ?? ''))
  }
}

async function renderBook(options: BuildOptions, input: BookInput, report: BuildReport, sourceFiles: VFile[], launch: Promise<BrowserSession> | undefined, clock: (stage: string) => void): Promise<BuildReport> {
  const { config, labels, sources } = input
  const templates = createTemplates(config.templatesDir)
  const epoch = options.sourceDateEpoch ?? envEpoch()
  // The teacher edition holds everything, so its messages are the checks. When a browser prints, the first
  // edition to print is processed first and printed while the teacher edition is processed and checked beside
  // it (Chromium works on the other core); nothing is written unless the checks pass.
  const ready = new Map(config.editions.map((edition) => [edition, settleable<Chapter[]>()]))
  const first = launch ? config.editions[0] : undefined
  let printing: Promise<PrintResult> | undefined
  if (launch) {
    const { printEditions } = await import('./print.js')
    const editions = config.editions.map((edition) => [edition, ready.get(edition)?.promise] as [Edition, Promise<Chapter[]>])
    printing = printEditions({ config, labels, templates, editions, sourceDateEpoch: epoch, clock, launch })
    // Awaited below; until then a failure must not count as unhandled.
    printing.catch(() => {})
  }
  // Whatever stops the build from here on, a print waiting for chapters is told to give up.
  const abandon = async () => {
    for (const { reject } of ready.values()) reject(new Error('The build stopped before this edition was ready'))
    await launch?.then((browser) => browser.close(), () => {})
    await printing?.catch(() => {})
  }
  // The order the editions are processed in: the last one may change the trees as read.
  const order = [...new Set([...(first && first !== 'teacher' ? [first] : []), 'teacher' as const, ...config.editions])]
  const last = (edition: Edition) => ({ last: edition === order[order.length - 1] })
  let teacher: Chapter[]
  try {
    if (first && first !== 'teacher') ready.get(first)?.resolve(await processBook(input, first, last(first)))
    teacher = await processBook(input, 'teacher', last('teacher'))
  } catch (error) {
    await abandon()
    throw error
  }
  ready.get('teacher')?.resolve(teacher)
  checkBook(teacher, sources, sourceFiles)
  report.files.push(...teacher.map((c) => c.file))
  report.chapters = teacher.map(({ file }) => ({
    slug: file.data.slug as string,
    title: file.data.matter?.title ?? '',
    words: file.data.stats?.words ?? 0,
    grade: file.data.stats?.grade ?? 0
  }))
  clock('check')
  if (hasErrors(report.files) || options.checkOnly) {
    // A print under way is for nothing: stop it (closing the browser ends it) and let it settle.
    await abandon()
    return hasErrors(report.files) ? report : { ...report, ok: true }
  }

  const editions: Array<[Edition, Chapter[]]> = []
  for (const edition of config.editions) {
    const chapters = edition === 'teacher' ? teacher : edition === first ? await ready.get(edition)?.promise : await processBook(input, edition, last(edition))
    ready.get(edition)?.resolve(chapters ?? [])
    editions.push([edition, chapters ?? []])
  }
  const outputs: Output[] = []
  if (config.formats.includes('epub')) {
    for (const [edition, chapters] of editions) {
      outputs.push({ path: `${edition}/${config.filename}.epub`, data: await buildEpub({ config, labels, chapters, templates, edition, sourceDateEpoch: epoch }) })
    }
    clock('epub')
  }
  // Handouts need the guide's page numbers, so the guide is printed whenever PDFs or handouts are asked for.
  if (printing) {
    const printed = await printing
    outputs.push(...printed.outputs)
    report.failure = printed.failure
    // Issue of the machine, not the content: with no browser at all the EPUBs are still written (below);
    // a browser that fails half-way leaves the output folder as it was.
    if (printed.failure && !printed.missing) return report
    for (const { slug, edition, pages } of printed.tooLong) {
      // Reported on the chapter's file from the checking pass, so each chapter is listed once.
      const file = teacher.find((c) => c.file.data.slug === slug)?.file
      const message = file?.message(`The ${edition} handout runs to ${pages} pages (two at most): cut questions, answer lines or key points`, { place: { line: 1, column: 1 }, ruleId: 'handout-length', source: 'nlmg' })
      if (message) message.fatal = true
    }
    if (hasErrors(report.files)) return report
  }
  // With no browser the EPUBs are still written; the failure is reported and the exit code says so.
  // Every other output was built in memory first, so a failure before this point wrote nothing.
  report.written = await commitOutputs(config.outDir, report.failure ? outputs.filter((o) => !o.path.endsWith('.pdf')) : outputs)
  clock('write')
  return { ...report, ok: !report.failure }
}

/** A promise with its resolve and reject at hand; the first call settles it, later ones do nothing. */
function settleable<T>() {
  let resolve: (value: T) => void = () => {}
  let reject: (reason: Error) => void = () => {}
  const promise = new Promise<T>((yes, no) => {
    resolve = yes
    reject = no
  })
  promise.catch(() => {})
  return { promise, resolve, reject }
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
