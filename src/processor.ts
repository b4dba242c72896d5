// The one processor chain, built once per edition, in the order data flows. Order matters where noted.
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkSmartypants from 'remark-smartypants'
import { unified } from 'unified'
import type { Labels } from './labels.js'
import { remarkBlocks } from './remark-blocks.js'
import { remarkChapterMatter } from './remark-chapter-matter.js'
import { remarkCitationCheck } from './remark-citation-check.js'
import { remarkCitations } from './remark-citations.js'
import { remarkEdition } from './remark-edition.js'
import { remarkHeadings } from './remark-headings.js'
import { remarkLinks } from './remark-links.js'
import { remarkStats } from './remark-stats.js'
import type { Edition, Source } from './schema.js'
import { remarkToHast } from './to-hast.js'

export interface ProcessorOptions {
  edition: Edition
  labels: Labels
  sources: ReadonlyMap<string, Source>
  chaptersDir: string
  root: string
  /** Measure words and reading level (syllable counting is the costliest stage, so only when asked). */
  stats?: boolean
}

/** Markdown chapter in, hast out, with everything learnt on `file.data`. */
export function createProcessor(options: ProcessorOptions) {
  return (
    unified()
      .use(remarkParse)
      .use(remarkFrontmatter, ['yaml'])
      .use(remarkGfm)
      .use(remarkDirective)
      // Curly quotes, dashes and ellipses in text nodes only: directive names, attributes and URLs stay as typed.
      .use(remarkSmartypants)
      // First: later stages read `file.data.matter`.
      .use(remarkChapterMatter)
      // Before anything renders: the student edition never holds answers or teacher notes.
      .use(remarkEdition, { edition: options.edition })
      // Before blocks and citations add links of their own: only the author's links are checked here.
      .use(remarkLinks, { chaptersDir: options.chaptersDir, root: options.root })
      .use(remarkBlocks, { labels: options.labels, sources: options.sources })
      // After blocks: key quotations add citations of their own.
      .use(remarkCitations, { sources: options.sources, labels: options.labels })
      .use(remarkHeadings, { labels: options.labels })
      // After citations became notes, so a paragraph's note is visible.
      .use(remarkCitationCheck)
      // `false` turns a unified plugin off.
      .use(remarkStats, options.stats === true)
      .use(remarkToHast, { labels: options.labels })
  )
}

export type ChapterProcessor = ReturnType<typeof createProcessor>
