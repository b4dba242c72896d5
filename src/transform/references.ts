// Citations and the reference list, formatted by citeproc (citation-js) in the book's CSL style, once per build.
// citeproc writes HTML; it is parsed into hast and turned into mdast phrasing, so notes and the bibliography are
// ordinary tree nodes for every later stage (no HTML string goes further than this module).
import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import type { PhrasingContent } from 'mdast'
import { fromHtml } from 'hast-util-from-html'
import { toMdast } from 'hast-util-to-mdast'
import { removePosition } from 'unist-util-remove-position'
import type { CslItem } from '../project/csl.js'
import type { CitationStyle } from '../project/csl-style.js'

/** Every source's formatted forms, in the style's order. */
export interface References {
  /** Bibliography entries by id, in the order the style sorts them. */
  entries: ReadonlyMap<string, PhrasingContent[]>
  /** What a note says for each source: a note style's note; for an in-text style, the entry without its address. */
  notes: ReadonlyMap<string, PhrasingContent[]>
}

/** Format `items` in `style`. */
export function formatReferences(items: readonly CslItem[], style: CitationStyle): References {
  const template = register(style)
  const entries = bibliography(items, template)
  if (items.length === 0) return { entries, notes: new Map() }
  // citeproc's engine for the style says whether it is a note style (Chicago) or an in-text one (MLA, APA, Harvard).
  const noteStyle = plugins.config.get('@csl').engine([], template, 'en-US', 'html').opt.class === 'note'
  if (!noteStyle) {
    // The full entry, with its address, is one link away in the bibliography. Each note is formatted alone: in a
    // list, a style such as MLA writes "———." for an author named just before, which a note cannot do.
    const notes = items.map(({ URL, accessed, ...rest }) => bibliography([rest as CslItem], template))
    return { entries, notes: new Map(notes.flatMap((note) => [...note])) }
  }
  const cite = new Cite(items)
  const notes = new Map(items.map((item) => [item.id, phrasing(cite.format('citation', { format: 'html', template, lang: 'en-US', entry: [item.id] }) as string)]))
  return { entries, notes }
}

/** One entry on its own (the guide itself, for "How to cite this guide"). */
export function formatEntry(item: CslItem, style: CitationStyle): PhrasingContent[] {
  return bibliography([item], register(style)).get(item.id) ?? []
}

/** Entries in the style's order, each as phrasing. */
function bibliography(items: readonly CslItem[], template: string): Map<string, PhrasingContent[]> {
  if (items.length === 0) return new Map()
  const html = new Cite(items).format('bibliography', { format: 'html', template, lang: 'en-US', asEntryArray: true, hyperlinks: true }) as Array<[string, string]>
  return new Map(html.map(([id, entry]) => [id, phrasing(entry)]))
}

/** Register a style that citation-js does not ship; its name for `template`. */
function register(style: CitationStyle): string {
  const styles = plugins.config.get('@csl').styles
  if (style.xml && !styles.has(style.name)) styles.add(style.name, style.xml)
  return style.name
}

/** citeproc's HTML for one entry (`<div class="csl-entry">…</div>`, or a note's bare phrasing) as mdast phrasing. */
function phrasing(html: string): PhrasingContent[] {
  const root = toMdast(fromHtml(html.trim(), { fragment: true }))
  // Places in citeproc's HTML mean nothing in the chapter: a message must never point at them.
  removePosition(root, { force: true })
  const children = 'children' in root ? root.children : []
  const only = children.length === 1 ? children[0] : undefined
  // An entry's `div` becomes a paragraph; a note's phrasing comes as it is.
  return (only?.type === 'paragraph' ? only.children : children) as PhrasingContent[]
}
