// The live preview's state: chapters go through the one chapter pipeline once, and again only when their text
// changes; the page is rendered again from the processed trees. Every rebuild yields the page or the problems.
import path from 'node:path'
import type { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'
import { checkBook } from '../book/checks.js'
import { createChapterProcessor, processChapter, type Chapter, type ChapterProcessor } from '../chapter/chapter.js'
import { bookFile, hasErrors } from '../core/messages.js'
import { packageRoot } from '../core/paths.js'
import { readChapters } from '../project/chapters.js'
import { loadConfig, type ResolvedConfig } from '../project/config.js'
import { loadLabels, type Labels } from '../project/labels.js'
import type { Edition } from '../project/schema.js'
import { loadSources, type Bibliography } from '../project/sources.js'
import { formatReferences } from '../transform/references.js'
import { printContext, renderPrintHtml } from '../render/print-html.js'
import { createTemplates, type Templates } from '../render/templates.js'

export interface DevResult {
  ok: boolean
  /** The preview page, or a page listing the problems. */
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
}

/** A session over one project; `rebuild()` after any change, `reset()` after one to configuration, sources or templates. */
export function createDevSession(options: { root: string; edition: Edition; urlFor: (file: string) => string }) {
  let setup: Setup | undefined
  /** Each chapter as last processed, by path: the text it came from and how many messages are its own. */
  const processed = new Map<string, { text: string; chapter: Chapter; own: number }>()
  const htmlCache = new WeakMap<Chapter, string>()

  async function prepare(): Promise<Setup | VFile> {
    if (setup) return setup
    const { config, file } = await loadConfig(options.root)
    if (!config) return file
    const labels = await loadLabels(config.templatesDir)
    const bibliography = await loadSources(config.sourcesDir)
    const processor = createChapterProcessor({ labels, sources: bibliography.sources, references: formatReferences([...bibliography.sources.values()], config.csl), chaptersDir: config.chaptersDir, root: config.root }, [options.edition])
    setup = { config, labels, bibliography, templates: createTemplates(config.templatesDir), processor }
    return setup
  }

  async function rebuild(): Promise<DevResult> {
    const started = performance.now()
    const ready = await prepare()
    if (!('config' in ready)) return failed([ready], started, options.root)
    const { config, labels, bibliography, templates, processor } = ready
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
    checkBook(chapters, bibliography.sources, bibliography.places)
    const problems = [listing, ...bibliography.files, ...chapters.map((c) => c.file)]
    if (hasErrors(problems)) return failed(problems, started, config.title, templates)
    const context = printContext({ config, labels, chapters, edition: options.edition, paper: config.paper, urlFor: options.urlFor, preview: true, htmlCache })
    const html = await renderPrintHtml(templates, context)
    return { ok: true, html, report: reporter(problems, { quiet: true, color: false }), ms: performance.now() - started }
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

/** The problems page; with no valid configuration, the package's own templates render it. */
async function failed(files: VFile[], started: number, title: string, templates?: Templates): Promise<DevResult> {
  const report = reporter(files, { quiet: true, color: false })
  const template = await (templates ?? createTemplates(path.join(packageRoot, 'templates'))).get('dev-errors.hbs')
  return { ok: false, html: template({ title, report }), report, ms: performance.now() - started }
}
