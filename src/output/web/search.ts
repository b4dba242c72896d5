// The site's full-text search index, built here once so the reader's browser only loads it: one document per
// section of a chapter (its heading's id is where a result leads), indexed by MiniSearch and written as a
// script that sets a global. A script, not JSON fetched at run time: a page opened from disk (file://) may not
// fetch, but it may load a script, so search works offline as well as from any static host.
import type { Element, ElementContent, Root } from 'hast'
import { toText } from 'hast-util-to-text'
import MiniSearch, { type Options } from 'minisearch'
import { hasClass } from '../../core/hast-class.js'
import { isNoteMark } from '../../render/print-tree.js'

/** One searchable section: a chapter's opening (under its title) or one of its headings. */
export interface SearchDocument {
  id: string
  /** The heading's text. */
  title: string
  /** The chapter's title (shown beside a section's heading in the results). */
  chapter: string
  /** The page and the heading's id, relative to the site. */
  url: string
  text: string
  /** The section's first words, shown under a result. */
  excerpt: string
}

/** How the index is built and loaded: the page passes the same options to `MiniSearch.loadJS`. */
export const searchOptions: Options<SearchDocument> = {
  fields: ['title', 'text'],
  storeFields: ['title', 'chapter', 'url', 'excerpt'],
  searchOptions: { boost: { title: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' }
}

const headings = new Set(['h1', 'h2', 'h3', 'h4'])

/** The sections of one chapter page: its tree cut at each top-level heading; the notes are left out (they are sources, not prose). */
export function searchDocuments(tree: Root, page: { filename: string; title: string }): SearchDocument[] {
  const documents: SearchDocument[] = []
  let current: SearchDocument | undefined
  for (const node of tree.children) {
    if (node.type !== 'element' || (node.tagName === 'section' && hasClass(node, 'footnotes'))) continue
    if (headings.has(node.tagName) && typeof node.properties.id === 'string') {
      current = section(node, page)
      documents.push(current)
    } else if (current) {
      current.text += ` ${toText(withoutNoterefs(node))}`
    }
  }
  for (const document of documents) {
    document.text = document.text.replace(/\s+/g, ' ').trim()
    document.excerpt = excerpt(document.text)
  }
  return documents
}

/** A copy of `node` without note references: their numbers are not words, and would show in excerpts ("song 4 The"). */
function withoutNoterefs(node: Element): Element {
  const children = node.children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child]
    if (isNoteMark(child)) return []
    return [withoutNoterefs(child)]
  })
  return { ...node, children }
}

function section(heading: Element, page: { filename: string; title: string }): SearchDocument {
  const id = heading.properties.id as string
  const title = toText(heading).trim()
  return { id, title, chapter: page.title, url: `${page.filename}#${id}`, text: '', excerpt: '' }
}

/** About the first 160 characters, cut at a word. */
function excerpt(text: string): string {
  if (text.length <= 160) return text
  return `${text.slice(0, text.lastIndexOf(' ', 160))} …`
}

/** The script that carries the index: it sets `nlmgSearch` to the options and the serialised index. */
export function searchIndexScript(documents: SearchDocument[]): string {
  const index = new MiniSearch<SearchDocument>(searchOptions)
  index.addAll(documents)
  return `// This edition's search index, built with the site (read by search.js).\nwindow.nlmgSearch = ${JSON.stringify({ options: searchOptions, index: index.toJSON() })}\n`
}
