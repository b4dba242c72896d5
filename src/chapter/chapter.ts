// The one chapter pipeline: a chapter file in, its processed tree and its messages out. `check`, `build`,
// `dev`, the benchmark and the tests all come through `processChapter`; nothing else parses a chapter.
import type { Root as HastRoot } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { remarkSyntax } from '../markdown/parse.js'
import { isStackOverflow, reportTooDeep } from '../markdown/depth.js'
import type { FigureData } from '../project/figure-data.js'
import type { Labels } from '../project/labels.js'
import type { Edition, Source } from '../project/schema.js'
import { remarkBlocks } from '../transform/blocks.js'
import { remarkChapterMatter } from '../transform/chapter-matter.js'
import { remarkCitationCheck } from '../transform/citation-check.js'
import { remarkCitations } from '../transform/citations.js'
import { remarkEdition } from '../transform/edition.js'
import { remarkFigures } from '../transform/figures.js'
import { remarkHeadings } from '../transform/headings.js'
import { remarkLinks } from '../transform/links.js'
import { remarkStats } from '../transform/stats.js'
import type { References } from '../transform/references.js'
import { remarkToHast } from '../transform/to-hast.js'
import '../project/data.js'

/** Everything a chapter's processing depends on besides its own text and the edition. */
export interface ChapterSettings {
  labels: Labels
  sources: ReadonlyMap<string, Source>
  /** The sources formatted in the book's citation style (`formatReferences`). */
  references: References
  /** The data files figures are drawn from (`chapters/figures/*.yaml`), by name. */
  figureData?: ReadonlyMap<string, FigureData>
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

/** Reading a chapter: the same for every edition, so a book reads each chapter once. */
function createReader() {
  return unified().use(remarkSyntax).freeze()
}

/** One edition's transforms, mdast in, hast out, in the order data flows. Order matters where noted. */
function createTransformer(settings: ChapterSettings, edition: Edition) {
  return (
    unified()
      // Later stages read `file.data.matter`.
      .use(remarkChapterMatter)
      // Before anything renders: the student edition never holds answers or teacher notes.
      .use(remarkEdition, { edition })
      // Before blocks and citations add links of their own: only the author's links are checked here.
      .use(remarkLinks, { chaptersDir: settings.chaptersDir, root: settings.root })
      // Before blocks, which refuse directives they do not know; after links, so `:ref` links are not checked twice.
      .use(remarkFigures, { labels: settings.labels, figureData: settings.figureData ?? new Map() })
      .use(remarkBlocks, { labels: settings.labels, sources: settings.sources, references: settings.references })
      // After blocks: key quotations add citations of their own.
      .use(remarkCitations, { sources: settings.sources, references: settings.references, labels: settings.labels })
      .use(remarkHeadings, { labels: settings.labels })
      // After citations became notes, so a paragraph's note is visible.
      .use(remarkCitationCheck)
      .use(remarkStats, settings.stats === true)
      .use(remarkToHast, { labels: settings.labels })
      .freeze()
  )
}

/** The chain for `editions`, built once: the reader, then each edition's transforms. */
export function createChapterProcessor(settings: ChapterSettings, editions: readonly Edition[]) {
  return { reader: createReader(), editions: new Map(editions.map((edition) => [edition, createTransformer(settings, edition)])) }
}

export type ChapterProcessor = ReturnType<typeof createChapterProcessor>

/**
 * Process one chapter file (as read by `readChapters`) for every edition of `processor`: read once (parsed,
 * guarded, typeset), then each edition's transforms on its own copy, each with its own file holding the reading's
 * messages and its own. A chapter that fails (a fatal message, input too deep) has an empty tree.
 */
export async function processChapter(processor: ChapterProcessor, read: VFile): Promise<Map<Edition, Chapter>> {
  const file = fresh(read)
  const tree = await guarded(file, async () => (await processor.reader.run(processor.reader.parse(file) as never, file)) as MdastRoot)
  const chapters = new Map<Edition, Chapter>()
  const last = [...processor.editions.keys()].at(-1)
  for (const [edition, transformer] of processor.editions) {
    const own = fresh(read)
    own.messages = [...file.messages]
    // The transforms change the tree: every edition but the last works on a copy.
    const input = tree && (edition === last ? tree : structuredClone(tree))
    const hast = input ? await guarded(own, async () => (await transformer.run(input as never, own)) as HastRoot) : undefined
    chapters.set(edition, { file: own, tree: hast ?? { type: 'root', children: [] } })
  }
  return chapters
}

/** A new file with the chapter's text, slug and order. */
function fresh(read: VFile): VFile {
  return new VFile({ path: read.path, value: read.value, data: { slug: read.data.slug, order: read.data.order } })
}

/** Run `work` on the chapter in `file`; `undefined` when it stopped on a message (a stage's `file.fail`, the depth guard) or ran too deep. */
async function guarded<T>(file: VFile, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work()
  } catch (error) {
    if (file.messages.includes(error as never)) return undefined
    // Raw HTML can still nest deeper than a recursive utility's stack: the chapter, not the build, fails.
    if (!isStackOverflow(error)) throw error
    reportTooDeep(file)
    return undefined
  }
}
