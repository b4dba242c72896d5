// The printed outputs of every edition, with one browser launch: the guide (two passes for its contents'
// page numbers, then document metadata) and, from its page numbers, the handouts.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Chapter } from '../book/book.js'
import { BrowserError, BrowserMissing, describeBrowser, launchBrowser, resolveBrowser, type BrowserSession } from '../browser/browser.js'
import { type ResolvedConfig } from '../project/config.js'
import { packageRoot } from '../core/paths.js'
import { stageClock } from '../core/clock.js'
import { buildHandouts } from '../output/handouts/handouts.js'
import type { Labels } from '../project/labels.js'
import { layOutBook, printFinal } from '../output/pdf/print.js'
import { setPdfMetadata } from '../output/pdf/metadata.js'
import { fontFolders } from '../render/fonts.js'
import { contentsIds, guideContext, renderPrintHtml } from '../render/print-html.js'
import { reproducibleDate } from '../core/date.js'
import type { Edition } from '../project/schema.js'
import type { Templates } from '../render/templates.js'
import type { Output } from '../core/write.js'

export interface PrintInput {
  config: ResolvedConfig
  labels: Labels
  templates: Templates
  /** Each edition's chapters, in print order. */
  editions: Array<[Edition, Chapter[]]>
  sourceDateEpoch?: number
  /** Called as each printing stage ends (each edition on a clock of its own: they print side by side). */
  onStage?: (stage: string, ms: number) => void
  /** The browser, already starting (`startBrowser`); printEditions closes it. */
  launch: Promise<BrowserSession>
}

export interface PrintResult {
  outputs: Output[]
  /** Handouts over the pages their edition allows. */
  tooLong: Array<{ slug: string; edition: Edition; pages: number; limit: number }>
  /** No browser, or one that failed: one line a user can act on. */
  failure?: string
  /** The failure is that there is no browser at all (then the EPUBs are still written). */
  missing?: boolean
}

/** Print every edition's guide and (if asked) handouts; the browser is always closed. */
export async function printEditions(input: PrintInput): Promise<PrintResult> {
  const clock = stageClock(input.onStage)
  const result: PrintResult = { outputs: [], tooLong: [] }
  let browser: BrowserSession | undefined
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'nlmg-build-'))
  try {
    browser = await input.launch
    clock('browser')
    const session = browser
    // The editions print side by side, each in its own pages: Chromium lays out and prints them in separate
    // processes, on separate cores. Their outputs are kept in edition order.
    const printed = await Promise.all(input.editions.map(([edition, chapters]) => printEdition({ ...input, browser: session, workDir, edition, chapters })))
    for (const edition of printed) {
      result.outputs.push(...edition.outputs)
      result.tooLong.push(...edition.tooLong)
    }
  } catch (error) {
    if (!(error instanceof BrowserError)) throw error
    result.failure = error.message
    result.missing = error instanceof BrowserMissing
  } finally {
    await browser?.close()
    await rm(workDir, { recursive: true, force: true })
  }
  return result
}

/**
 * Start the browser now, to be handed to `printEditions` later: Chromium's start-up runs on another core while
 * the chapters are processed. The promise is marked handled; whoever awaits it still sees a launch failure.
 */
export function startBrowser(config: ResolvedConfig, log?: (line: string) => void): Promise<BrowserSession> {
  const launch = resolveBrowser(config.browser).then((found) => {
    if (found) log?.(describeBrowser(found))
    return launchBrowser(found?.path)
  })
  launch.catch(() => {})
  return launch
}

interface GuideJob extends PrintInput {
  browser: BrowserSession
  workDir: string
  edition: Edition
  chapters: Chapter[]
}

/** Folders a printed page may load from: the build's own work folder, the project, the package (styles) and the fonts' real folders. */
function allowedRoots(workDir: string, config: ResolvedConfig) {
  return [workDir, config.root, packageRoot, ...fontFolders()]
}

/**
 * One edition's guide and handouts. The handouts cite the guide's pages, so they start as soon as the guide's
 * draft has told them, and print in a page of their own while the guide's final pass prints.
 */
async function printEdition(job: GuideJob): Promise<{ outputs: Output[]; tooLong: PrintResult['tooLong'] }> {
  const { config, edition } = job
  const clock = stageClock(job.onStage)
  const guarded = await job.browser.newPage(allowedRoots(job.workDir, config))
  try {
    const html = await renderPrintHtml(job.templates, guideContext({ config, labels: job.labels, chapters: job.chapters, edition }))
    const ids = contentsIds(job.chapters)
    const layout = await layOutBook(guarded, { workDir: job.workDir, name: `${edition}-${config.paper}` }, html, ids)
    clock(`layout ${edition}`)
    const handouts = config.formats.includes('handouts') ? buildHandouts({ ...job, guide: layout, allowedRoots: allowedRoots(job.workDir, config) }) : undefined
    handouts?.catch(() => {})
    const outputs: Output[] = []
    if (config.formats.includes('pdf')) {
      const pdf = await setPdfMetadata(await printFinal(guarded, layout, ids), {
        title: config.subtitle ? `${config.title}: ${config.subtitle}` : config.title,
        authors: config.authors,
        subject: config.description,
        keywords: config.keywords,
        creator: `${config.publisher} (${job.labels[edition === 'teacher' ? 'teacherEdition' : 'studentEdition']})`,
        date: reproducibleDate(config.date, job.sourceDateEpoch)
      })
      outputs.push({ path: `${edition}/${config.filename}.pdf`, data: pdf, pages: layout.pageCount })
      clock(`pdf ${edition}`)
    }
    if (guarded.problems.length > 0) throw new Error(`While printing: ${guarded.problems.join('; ')}`)
    if (!handouts) return { outputs, tooLong: [] }
    const made = await handouts
    clock(`handouts ${edition}`)
    return { outputs: [...outputs, ...made.outputs], tooLong: made.tooLong.map((t) => ({ ...t, edition })) }
  } finally {
    await guarded.page.close()
  }
}
