// The one processor chain, built once per edition, in the order data flows. Order matters where noted.
import { unified, type Preset } from 'unified'
import type { Labels } from '../project/labels.js'
import { remarkBlocks } from '../transform/blocks.js'
import { remarkChapterMatter } from '../transform/chapter-matter.js'
import { remarkCitationCheck } from '../transform/citation-check.js'
import { remarkCitations } from '../transform/citations.js'
import { remarkEdition } from '../transform/edition.js'
import { remarkHeadings } from '../transform/headings.js'
import { remarkLinks } from '../transform/links.js'
import { remarkStats } from '../transform/stats.js'
import { remarkSyntax } from '../markdown/parse.js'
import type { Edition, Source } from '../project/schema.js'
import { remarkToHast } from '../transform/to-hast.js'
import { remarkTypography } from '../markdown/typography.js'

export interface ProcessorOptions {
  edition: Edition
  labels: Labels
  sources: ReadonlyMap<string, Source>
  chaptersDir: string
  root: string
  /** Measure words and reading level (syllable counting is the costliest stage, so only when asked). */
  stats?: boolean
}

/**
 * Markdown to mdast, the same for every edition: parsed with its syntax extensions, then typographic quotes,
 * dashes and ellipses in text nodes only (directive names, attributes and URLs stay as typed). A book
 * builds both editions from one reading of each chapter.
 */
export const reading: Preset = {
  plugins: [[remarkSyntax], [remarkTypography]]
}

/** The edition's transforms, mdast in, hast out, with everything learnt on `file.data`. */
export function editionTransforms(options: ProcessorOptions): Preset {
  return {
    plugins: [
      // First: later stages read `file.data.matter`.
      [remarkChapterMatter],
      // Before anything renders: the student edition never holds answers or teacher notes.
      [remarkEdition, { edition: options.edition }],
      // Before blocks and citations add links of their own: only the author's links are checked here.
      [remarkLinks, { chaptersDir: options.chaptersDir, root: options.root }],
      [remarkBlocks, { labels: options.labels, sources: options.sources }],
      // After blocks: key quotations add citations of their own.
      [remarkCitations, { sources: options.sources, labels: options.labels }],
      [remarkHeadings, { labels: options.labels }],
      // After citations became notes, so a paragraph's note is visible.
      [remarkCitationCheck],
      // `false` turns a unified plugin off.
      [remarkStats, options.stats === true],
      [remarkToHast, { labels: options.labels }]
    ]
  }
}

/** Reads a chapter (`parse` and `run` of `reading`) and nothing more. */
export function createReader() {
  return unified().use(reading)
}

/** Markdown chapter in, hast out: `reading`, then the edition's transforms. */
export function createProcessor(options: ProcessorOptions) {
  return unified().use(reading).use(editionTransforms(options))
}

/** The edition's transforms alone, for a tree `createReader` has read. */
export function createTransformer(options: ProcessorOptions) {
  return unified().use(editionTransforms(options))
}

export type ChapterProcessor = ReturnType<typeof createProcessor>
