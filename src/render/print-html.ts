// The print edition as one HTML document: cover, contents (with page numbers once known), every chapter.
import { fileURLToPath } from 'node:url'
import type { Element, Root as HastRoot } from 'hast'
import { visit } from 'unist-util-visit'
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
import path from 'node:path'
import { locate } from '../core/paths.js'

export interface PrintContextInput {
  config: ResolvedConfig
  labels: Labels
  chapters: Chapter[]
  edition: Edition
  paper: PaperSize
  /** Soft-hyphenates prose words (print only, and only for justified text: see `guideContext`). */
  hyphenate?: (word: string) => string
  /** How the page addresses a local file: a file URL for print, a server path for the live preview. */
  urlFor?: (file: string) => string
  /** Live preview: no page numbers in the contents, and the page reloads itself when the book changes. */
  preview?: boolean
  /** Serialised chapters kept between renders (the live preview re-serialises only the chapter that changed). */
  htmlCache?: WeakMap<Chapter, string>
}


/** Placeholder page number: as wide as any real one, so filling in the numbers does not reflow the contents. */
const placeholder = '000'

/** The data the print template receives; the contents carries placeholders until the PDF stage fills them. */
export function printContext(input: PrintContextInput) {
  const { config, labels } = input
  const urlFor = input.urlFor ?? fileUrl
  const page = (_id: string) => (input.preview ? '' : placeholder)
  return {
    book: config,
    labels,
    edition: input.edition,
    editionLabel: input.edition === 'teacher' ? labels.teacherEdition : labels.studentEdition,
    justify: config.justify,
    pageSize: cssPageSize(input.paper),
    preview: input.preview === true,
    stylesheet: urlFor(locate(config.styleDirs, 'print.css')),
    fonts: printFonts(urlFor),
    chapters: input.chapters.map((chapter) => {
      const { file, tree } = chapter
      const slug = file.data.slug as string
      const matter = file.data.matter
      return {
        slug,
        title: matter?.title ?? slug,
        running: matter?.short ?? matter?.title ?? slug,
        page: page(slug),
        sections: (file.data.headings ?? []).filter((h) => h.depth === 2).map((h) => ({ id: h.id, text: h.text, page: page(h.id) })),
        html: cached(input.htmlCache, chapter, () => chapterHtml(relocate(paperTree(tree, input.hyphenate), input.urlFor)))
      }
    })
  }
}

function cached(cache: WeakMap<Chapter, string> | undefined, chapter: Chapter, make: () => string): string {
  let html = cache?.get(chapter)
  if (html === undefined) {
    html = make()
    cache?.set(chapter, html)
  }
  return html
}

/** The chapter's tree for paper (a copy: the EPUB shares the original), soft-hyphenated if asked. */
function paperTree(tree: HastRoot, hyphenate?: (word: string) => string): HastRoot {
  const copy = printTree(tree)
  return hyphenate ? hyphenateTree(copy, hyphenate) : copy
}

/** Point local images at `urlFor` (chapters carry file URLs); a copy, so the shared tree is left alone. */
function relocate(tree: HastRoot, urlFor?: (file: string) => string): HastRoot {
  if (!urlFor) return tree
  const copy = structuredClone(tree)
  visit(copy, 'element', (node: Element) => {
    const src = node.properties.src
    if (node.tagName === 'img' && typeof src === 'string' && src.startsWith('file:')) node.properties.src = urlFor(fileURLToPath(src))
  })
  return copy
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
  ])
}

/** Render the print template, with the imprint's label templates filled in. */
export async function renderPrintHtml(templates: Templates, context: ReturnType<typeof printContext>): Promise<string> {
  await templates.registerPartials(['partials/cover.hbs', 'partials/front.hbs'])
  const imprint = imprintTexts(templates, context.book, context.labels, context.editionLabel)
  return (await templates.get('print.hbs'))({ ...context, imprint })
}
