// The live preview's state: chapters are processed once and then only when their file changes; the page is
// rendered again from the processed trees. Every rebuild yields either the page or the problems.
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'
import { bookFile, checkBook, hasErrors, type Chapter } from '../book/book.js'
import { loadConfig, type ResolvedConfig } from '../project/config.js'
import { packageRoot } from '../core/paths.js'
import { loadLabels, type Labels } from '../project/labels.js'
import { renderPrintHtml, printContext } from '../render/print-html.js'
import type { Root as HastRoot } from 'hast'
import { createProcessor, type ChapterProcessor } from '../chapter/processor.js'
import { readChapters } from '../project/chapters.js'
import type { Edition, Source } from '../project/schema.js'
import { loadSources } from '../project/sources.js'
import { createTemplates, type Templates } from '../render/templates.js'

export interface DevResult {
  ok: boolean
  /** The preview page, or a page listing the problems. */
  html: string
  /** The problems as vfile-reporter prints them (empty when none). */
  report: string
  ms: number
}

interface Cached {
  chapter: Chapter
  mtimeMs: number
  /** Messages from processing the chapter alone; book-wide ones are added afresh on every rebuild. */
  own: number
}

/** A session over one project; `rebuild()` after any change. */
export function createDevSession(options: { root: string; edition: Edition; urlFor: (file: string) => string }) {
  let setup: { config: ResolvedConfig; labels: Labels; sources: Map<string, Source>; sourceFiles: VFile[]; templates: Templates; processor: ChapterProcessor } | undefined
  const cache = new Map<string, Cached>()
  const htmlCache = new WeakMap<Chapter, string>()

  /** Forget everything but the chapters' text (after a change to configuration, sources or templates). */
  function reset() {
    setup = undefined
    cache.clear()
  }

  async function rebuild(): Promise<DevResult> {
    const started = performance.now()
    const problems: VFile[] = []
    if (!setup) {
      const { config, file } = await loadConfig(options.root)
      if (!config) return failed([file], started, options.root)
      const labels = await loadLabels(config.templatesDir)
      const { sources, files: sourceFiles } = await loadSources(config.sourcesDir)
      const processor = createProcessor({ edition: options.edition, labels, sources, chaptersDir: config.chaptersDir, root: config.root })
      setup = { config, labels, sources, sourceFiles, templates: createTemplates(config.templatesDir), processor }
    }
    const { config, labels, sources, sourceFiles, templates, processor } = setup
    const listing = bookFile(config.chaptersDir)
    const files = await readChapters(config.chaptersDir, listing)
    const chapters: Chapter[] = []
    for (const read of files) {
      const mtimeMs = (await stat(read.path)).mtimeMs
      let entry = cache.get(read.path)
      if (!entry || entry.mtimeMs !== mtimeMs || String(entry.chapter.file.value) !== String(read.value)) {
        const file = new VFile({ path: read.path, value: read.value, data: { slug: read.data.slug, order: read.data.order } })
        const tree = (await processor.run(processor.parse(file), file)) as HastRoot
        entry = { chapter: { file, tree }, mtimeMs, own: file.messages.length }
        cache.set(read.path, entry)
      }
      entry.chapter.file.messages.length = entry.own
      chapters.push(entry.chapter)
    }
    for (const file of sourceFiles) file.messages = file.messages.filter((m) => m.ruleId !== 'source-unused')
    checkBook(chapters, sources, sourceFiles)
    problems.push(listing, ...sourceFiles, ...chapters.map((c) => c.file))
    if (hasErrors(problems)) return failed(problems, started, config.title, templates)
    const context = printContext({ config, labels, chapters, edition: options.edition, paper: config.paper, urlFor: options.urlFor, preview: true, htmlCache })
    const html = await renderPrintHtml(templates, context)
    return { ok: true, html, report: reporter(problems, { quiet: true, color: false }), ms: performance.now() - started }
  }

  return { rebuild, reset, root: options.root }
}

/** The problems page; with no valid configuration, the package's own templates render it. */
async function failed(files: VFile[], started: number, title: string, templates?: Templates): Promise<DevResult> {
  const report = reporter(files, { quiet: true, color: false })
  const template = await (templates ?? createTemplates(path.join(packageRoot, 'templates'))).get('dev-errors.hbs')
  return { ok: false, html: template({ title, report }), report, ms: performance.now() - started }
}
