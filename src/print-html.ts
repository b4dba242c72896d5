// The print edition as one HTML document: cover, contents (with page numbers once known), every chapter.
import { pathToFileURL } from 'node:url'
import type { Root as HastRoot } from 'hast'
import { toHtml } from 'hast-util-to-html'
import type { Chapter } from './book.js'
import { hyphenateTree } from './hyphenate.js'
import type { ResolvedConfig } from './config.js'
import { fontFaces } from './fonts.js'
import type { Labels } from './labels.js'
import type { Edition, PaperSize } from './schema.js'
import type { Templates } from './templates.js'
import path from 'node:path'

export interface PrintContextInput {
  config: ResolvedConfig
  labels: Labels
  chapters: Chapter[]
  edition: Edition
  paper: PaperSize
  /** Soft-hyphenates prose words (print only). */
  hyphenate?: (word: string) => string
}

/** Placeholder page number: as wide as any real one, so filling in the numbers does not reflow the contents. */
const placeholder = '000'

/** The data the print template receives; the contents carries placeholders until the PDF stage fills them. */
export function printContext(input: PrintContextInput) {
  const { config, labels } = input
  const page = (_id: string) => placeholder
  return {
    book: config,
    labels,
    edition: input.edition,
    editionLabel: input.edition === 'teacher' ? labels.teacherEdition : labels.studentEdition,
    justify: config.justify,
    pageSize: input.paper === 'letter' ? 'letter' : 'A4',
    stylesheet: pathToFileURL(path.join(config.stylesDir, 'print.css')).href,
    fonts: fontFaces().map((f) => ({ family: f.family, weight: f.weight, style: f.style, url: pathToFileURL(f.woff2).href })),
    chapters: input.chapters.map(({ file, tree }) => {
      const slug = file.data.slug as string
      const matter = file.data.matter
      return {
        slug,
        title: matter?.title ?? slug,
        running: matter?.short ?? matter?.title ?? slug,
        page: page(slug),
        sections: (file.data.headings ?? []).filter((h) => h.depth === 2).map((h) => ({ id: h.id, text: h.text, page: page(h.id) })),
        html: chapterHtml(input.hyphenate ? hyphenateTree(structuredClone(tree), input.hyphenate) : tree)
      }
    })
  }
}

/** Serialise one chapter's hast. */
export function chapterHtml(tree: HastRoot): string {
  return toHtml(tree)
}

/** The ids the contents lists, in the order it lists them. */
export function contentsIds(chapters: Chapter[]): string[] {
  return chapters.flatMap(({ file }) => [
    file.data.slug as string,
    ...(file.data.headings ?? []).filter((h) => h.depth === 2).map((h) => h.id)
  ])
}

/** Render the print template. */
export async function renderPrintHtml(templates: Templates, context: ReturnType<typeof printContext>): Promise<string> {
  await templates.registerPartials(['partials/cover.hbs'])
  return (await templates.get('print.hbs'))(context)
}
