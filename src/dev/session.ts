// The live preview's state: chapters go through the one chapter pipeline once, and again only when their text
// changes; the edition's web site is made again from the processed trees by the web output itself, so what the
// author sees while writing is the site the build publishes. Every rebuild yields the site or the problems.
import path from 'node:path'
import type { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'
import { checkBook } from '../book/checks.js'
import { numberFigureRefs } from '../book/figure-refs.js'
import { findBrowser, launchBrowser, type BrowserSession } from '../browser/browser.js'
import { renderFigures } from '../figures/figures.js'
import { loadFigureData, type FigureDataSet } from '../project/figure-data.js'
import { createChapterProcessor, processChapter, type Chapter, type ChapterProcessor } from '../chapter/chapter.js'
import { bookFile, hasErrors } from '../core/messages.js'
import { cacheFolder, packageRoot } from '../core/paths.js'
import { webSite, type WebMemo } from '../output/web/web.js'
import { readChapters } from '../project/chapters.js'
import { loadConfig, type ResolvedConfig } from '../project/config.js'
import { loadLabels, type Labels } from '../project/labels.js'
import type { Edition } from '../project/schema.js'
import { loadSources, type Bibliography } from '../project/sources.js'
import { loadReferences } from '../transform/references-cache.js'
import { createTemplates, type Templates } from '../render/templates.js'

export interface DevResult {
  ok: boolean
  /** The site's files by their path inside the site (`index.html`, `plot.html`, `assets/site.css`), each made on the first request for it; empty on failure. */
  site: Map<string, () => Promise<Uint8Array | string>>
  /** The page listing the problems (empty when there are none). */
  html: string
  /** The problems as vfile-reporter prints them (empty when none). */
  report: string
  ms: number
}

interface Setup {
  config: ResolvedConfig
  labels: Labels
  bibliography: Bibliography
  templates: Templates
  processor: ChapterProcessor
  figureData: FigureDataSet
}

/** A session over one project; `rebuild()` after any change, `reset()` after one to configuration, sources or templates. */
export function createDevSession(options: { root: string; edition: Edition }) {
  let setup: Setup | undefined
  /** Each chapter as last processed, by path: the text it came from and how many messages are its own. */
  const processed = new Map<string, { text: string; chapter: Chapter; own: number }>()
  const pages: WebMemo = new WeakMap()

  async function prepare(): Promise<Setup | VFile> {
    if (setup) return setup
    const { config, file } = await loadConfig(options.root)
    if (!config) return file
    const labels = await loadLabels(config.templateDirs, config)
    const bibliography = await loadSources(config.sourcesDir)
    const figureData = await loadFigureData(path.join(config.chaptersDir, 'figures'))
    const references = await loadReferences([...bibliography.sources.values()], config.csl, cacheFolder(config.root, 'references'))
    const processor = createChapterProcessor({ labels, sources: bibliography.sources, references, figureData: figureData.data, chaptersDir: config.chaptersDir, root: config.root }, [options.edition])
    setup = { config, labels, bibliography, figureData, templates: createTemplates(config.templateDirs), processor }
    return setup
  }

  async function rebuild(): Promise<DevResult> {
    const started = performance.now()
    const ready = await prepare()
    if (!('config' in ready)) return failed([ready], started, options.root)
    const { config, labels, bibliography, figureData, templates, processor } = ready
    const listing = bookFile(config.chaptersDir)
    const chapters: Chapter[] = []
    for (const read of await readChapters(config.chaptersDir, listing)) {
      const text = String(read.value)
      let entry = processed.get(read.path)
      if (entry?.text !== text) {
        const chapter = (await processChapter(processor, read)).get(options.edition) as Chapter
        processed.set(read.path, (entry = { text, chapter, own: chapter.file.messages.length }))
      }
      // Book-wide messages are made afresh on every rebuild: a kept chapter keeps only its own.
      entry.chapter.file.messages.length = entry.own
      chapters.push(entry.chapter)
    }
    for (const file of bibliography.files) file.messages = file.messages.filter((m) => m.ruleId !== 'source-unused')
    numberFigureRefs(chapters, labels.figure)
    checkBook(chapters, bibliography.sources, bibliography.places)
    const problems = [listing, ...bibliography.files, ...figureData.files, ...chapters.map((c) => c.file)]
    if (hasErrors(problems)) return failed(problems, started, config.title, templates)
    await drawFigures(chapters, ready)
    if (hasErrors(problems)) return failed(problems, started, config.title, templates)
    const made = await webSite({ config, labels, templates, edition: options.edition, chapters, built: [], live: true }, pages)
    const site = new Map<string, () => Promise<Uint8Array | string>>(made.files.map((file) => [file.path, async () => file.data]))
    for (const page of made.pages) {
      let rendered: Promise<string> | undefined
      site.set(page.path, () => (rendered ??= page.render()))
    }
    return { ok: true, site, html: '', report: reporter(problems, { quiet: true, color: false }), ms: performance.now() - started }
  }

  /** Rebuild; a failure of the machine (not the content) shows as a problems page too, and the server goes on. */
  async function safeRebuild(): Promise<DevResult> {
    const started = performance.now()
    try {
      return await rebuild()
    } catch (error) {
      const file = bookFile(options.root)
      file.message(`internal error: ${(error as Error).message}`, { ruleId: 'internal', source: 'nlmg' }).fatal = true
      return failed([file], started, options.root)
    }
  }

  return { rebuild: safeRebuild, reset: () => ((setup = undefined), processed.clear()), root: options.root }
}

/** Fill the figures of chapters processed since the last rebuild; a browser starts only for a diagram not in the cache. */
async function drawFigures(chapters: Chapter[], { config, labels, figureData }: Setup) {
  let browser: Promise<BrowserSession> | undefined
  try {
    await renderFigures({ editions: [chapters], figureData: figureData.data, labels, cacheDir: cacheFolder(config.root, 'diagrams'), browser: () => (browser ??= launchBrowser(findBrowser(config.browser))) })
  } finally {
    await browser?.then((b) => b.close(), () => {})
  }
}

/** The problems page; with no valid configuration, the package's own templates render it. */
async function failed(files: VFile[], started: number, title: string, templates?: Templates): Promise<DevResult> {
  const report = reporter(files, { quiet: true, color: false })
  const template = await (templates ?? createTemplates(path.join(packageRoot, 'templates'))).get('dev-errors.hbs')
  return { ok: false, site: new Map(), html: template({ title, report }), report, ms: performance.now() - started }
}
