// The one chapter pipeline: a chapter file in, its processed tree and its messages out. `check`, `build`,
// `dev`, the benchmark and the tests all come through `processChapter`; nothing else parses a chapter.
import type { Root as HastRoot } from 'hast'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { remarkSyntax } from '../markdown/parse.js'
import { isStackOverflow, reportTooDeep } from '../markdown/depth.js'
import type { Labels } from '../project/labels.js'
import type { Edition, Source } from '../project/schema.js'
import { remarkBlocks } from '../transform/blocks.js'
import { remarkChapterMatter } from '../transform/chapter-matter.js'
import { remarkCitationCheck } from '../transform/citation-check.js'
import { remarkCitations } from '../transform/citations.js'
import { remarkEdition } from '../transform/edition.js'
import { remarkHeadings } from '../transform/headings.js'
import { remarkLinks } from '../transform/links.js'
import { remarkStats } from '../transform/stats.js'
import { remarkToHast } from '../transform/to-hast.js'
import '../project/data.js'

/** Everything a chapter's processing depends on besides its own text. */
export interface ChapterSettings {
  edition: Edition
  labels: Labels
  sources: ReadonlyMap<string, Source>
  chaptersDir: string
  root: string
  /** Measure words and reading level (syllable counting is the costliest stage, so only when asked). */
  stats?: boolean
}

/** A processed chapter: its file (data and messages) and its hast. */
export interface Chapter {
  file: VFile
  tree: HastRoot
}

/** The processor chain, built once per settings, in the order data flows. Order matters where noted. */
export function createChapterProcessor(settings: ChapterSettings) {
  return (
    unified()
      // Parse (the depth guard first of all), then typographic quotes, dashes and ellipses.
      .use(remarkSyntax)
      // Later stages read `file.data.matter`.
      .use(remarkChapterMatter)
      // Before anything renders: the student edition never holds answers or teacher notes.
      .use(remarkEdition, { edition: settings.edition })
      // Before blocks and citations add links of their own: only the author's links are checked here.
      .use(remarkLinks, { chaptersDir: settings.chaptersDir, root: settings.root })
      .use(remarkBlocks, { labels: settings.labels, sources: settings.sources })
      // After blocks: key quotations add citations of their own.
      .use(remarkCitations, { sources: settings.sources, labels: settings.labels })
      .use(remarkHeadings, { labels: settings.labels })
      // After citations became notes, so a paragraph's note is visible.
      .use(remarkCitationCheck)
      .use(remarkStats, settings.stats === true)
      .use(remarkToHast, { labels: settings.labels })
      .freeze()
  )
}

export type ChapterProcessor = ReturnType<typeof createChapterProcessor>

/**
 * Process one chapter file (as read by `readChapters`): a fresh file with the same text, slug and order, parsed
 * and run through every stage. A chapter that fails (a fatal message, input too deep) has an empty tree.
 */
export async function processChapter(processor: ChapterProcessor, read: VFile): Promise<Chapter> {
  const file = new VFile({ path: read.path, value: read.value, data: { slug: read.data.slug, order: read.data.order } })
  try {
    return { file, tree: (await processor.run(processor.parse(file) as never, file)) as HastRoot }
  } catch (error) {
    // A stage stopped the chapter with a message already on its file (`file.fail`, the depth guard).
    if (file.messages.includes(error as never)) return { file, tree: { type: 'root', children: [] } }
    // Raw HTML can still nest deeper than a recursive utility's stack: the chapter, not the build, fails.
    if (!isStackOverflow(error)) throw error
    reportTooDeep(file)
    return { file, tree: { type: 'root', children: [] } }
  }
}
