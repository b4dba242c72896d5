// The print edition as one HTML document: cover, contents (with page numbers once known), every chapter.
import type { Root as HastRoot } from 'hast'
import { toHtml } from 'hast-util-to-html'
import type { Chapter } from '../book/book.js'
import { hyphenateTree, hyphenatorFor } from './hyphenate.js'
import { printTree } from './print-tree.js'
import type { ResolvedConfig } from '../project/config.js'
import { cssPageSize, fileUrl, printFonts } from './fonts.js'
import type { Labels } from '../project/labels.js'
import type { Edition, PaperSize } from '../project/schema.js'
import type { Templates } from './templates.js'
import { imprintTexts } from './front-matter.js'
import { locate } from '../core/paths.js'

export interface PrintContextInput {
  config: ResolvedConfig
  labels: Labels
  chapters: Chapter[]
  edition: Edition
  paper: PaperSize
  /** Soft-hyphenates prose words (print only, and only for justified text: see `guideContext`). */
  hyphenate?: (word: string) => string
}


/** Placeholder page number: as wide as any real one, so filling in the numbers does not reflow the contents. */
const placeholder = '000'

/** The data the print template receives; the contents carries placeholders until the PDF stage fills them. */
export function printContext(input: PrintContextInput) {
  const { config, labels } = input
  return {
    book: config,
    labels,
    edition: input.edition,
    editionLabel: input.edition === 'teacher' ? labels.teacherEdition : labels.studentEdition,
    justify: config.justify,
    pageSize: cssPageSize(input.paper),
    stylesheet: fileUrl(locate(config.styleDirs, 'print.css')),
    fonts: printFonts(fileUrl),
    figures: input.chapters.flatMap(({ file }) => (file.data.figures ?? []).map((f) => ({ id: f.id, number: f.number, caption: f.caption, page: placeholder }))),
    chapters: input.chapters.map((chapter) => {
      const { file, tree } = chapter
      const slug = file.data.slug as string
      const matter = file.data.matter
      return {
        slug,
        title: matter?.title ?? slug,
        running: matter?.short ?? matter?.title ?? slug,
        page: placeholder,
        sections: (file.data.headings ?? []).filter((h) => h.depth === 2).map((h) => ({ id: h.id, text: h.text, page: placeholder })),
        html: chapterHtml(paperTree(tree, input.hyphenate))
      }
    })
  }
}

/** The chapter's tree for paper (a copy: the EPUB shares the original), soft-hyphenated if asked. */
function paperTree(tree: HastRoot, hyphenate?: (word: string) => string): HastRoot {
  const copy = printTree(tree)
  return hyphenate ? hyphenateTree(copy, hyphenate) : copy
}

/**
 * The guide's print context exactly as the PDF stage prints it, on the book's paper. Ragged-right text (the
 * default) gets no soft hyphens at all: every one stays in the PDF's text layer, where it splits words for
 * search and copying. Only justified text (`justify: true`) is soft-hyphenated, and accepts that cost.
 */
export function guideContext(input: Pick<PrintContextInput, 'config' | 'labels' | 'chapters' | 'edition'>) {
  const hyphenate = input.config.justify ? hyphenatorFor(input.config.language) : undefined
  return printContext({ ...input, paper: input.config.paper, hyphenate })
}

/** Serialise one chapter's hast. */
function chapterHtml(tree: HastRoot): string {
  return toHtml(tree)
}

/** The ids the contents lists, in the order it lists them. */
export function contentsIds(chapters: Chapter[]): string[] {
  return chapters.flatMap(({ file }) => [
    file.data.slug as string,
    ...(file.data.headings ?? []).filter((h) => h.depth === 2).map((h) => h.id)
    // The list of figures follows the contents, so its entries' pages come after the contents'.
  ]).concat(chapters.flatMap(({ file }) => (file.data.figures ?? []).map((f) => f.id)))
}

/** Render the print template, with the imprint's label templates filled in. */
export async function renderPrintHtml(templates: Templates, context: ReturnType<typeof printContext>): Promise<string> {
  await templates.registerPartials(['partials/cover.hbs', 'partials/front.hbs'])
  const imprint = imprintTexts(templates, context.book, context.labels, context.editionLabel)
  return (await templates.get('print.hbs'))({ ...context, imprint })
}
