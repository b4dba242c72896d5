// The bibliography as mdast: one list item per source, in the citation style's order, each with a stable id for
// citations to link to, and the guide's own annotation (`annote`) after the formatted entry.
import type { List, ListItem } from 'mdast'
import type { Source } from '../project/schema.js'
import { paragraph, text } from './mdast-build.js'
import type { References } from './references.js'

/** The full bibliography, as the style formats and sorts it. */
export function bibliographyList(sources: ReadonlyMap<string, Source>, references: References): List {
  const items: ListItem[] = [...references.entries].map(([id, entry]) => {
    const annote = sources.get(id)?.annote
    const children = [...structuredClone(entry)]
    if (typeof annote === 'string') children.push(text(` ${annote}`))
    return {
      type: 'listItem',
      spread: false,
      data: { hProperties: { id: `source-${id}` } },
      children: [paragraph(children, ['source-entry'])]
    }
  })
  return { type: 'list', ordered: false, spread: false, data: { hProperties: { className: ['bibliography'] } }, children: items }
}
