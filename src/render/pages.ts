// A book split into one page per chapter (the EPUB's files, the web edition's pages): the pipeline gives
// book-wide `#id` links, because the print document holds every chapter; split, a link to another chapter's id
// must name that chapter's page.
import type { Element } from 'hast'
import type { Chapter } from '../chapter/chapter.js'

/** How one chapter's tree becomes its own page (an EPUB file, a web page). */
export interface PageTreeOptions {
  /** This chapter's page, e.g. `plot.xhtml` or `plot.html`. */
  filename: string
  /** The page that holds each id of the book (`pageOfIds`). */
  pageOf: ReadonlyMap<string, string>
  /** Where the page finds the image at a file URL (its packed or copied path). */
  imageHref: (url: string) => string
}

/** The page (`<slug><extension>`) that holds each id of the book. */
export function pageOfIds(chapters: Chapter[], extension: string): Map<string, string> {
  const pageOf = new Map<string, string>()
  for (const { file } of chapters) for (const id of file.data.ids ?? []) pageOf.set(id, `${file.data.slug}${extension}`)
  return pageOf
}

/** Point `node`, a link to an id on another page than `filename`, at that page. */
export function relink(node: Element, filename: string, pageOf: ReadonlyMap<string, string>) {
  const href = node.properties.href
  if (typeof href !== 'string' || !href.startsWith('#')) return
  const target = pageOf.get(href.slice(1))
  if (target && target !== filename) node.properties.href = `${target}${href}`
}
