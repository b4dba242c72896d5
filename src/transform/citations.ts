// `:cite[id]` becomes a numbered note: a footnote reference in the text and, once per source, a note that
// names the source (in the book's citation style) and links to its entry in the bibliography.
import type { FootnoteDefinition, FootnoteReference, Root, Text } from 'mdast'
import type { TextDirective } from 'mdast-util-directive'
import { toString } from 'mdast-util-to-string'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { Labels } from '../project/labels.js'
import { paragraph, text } from './mdast-build.js'
import type { Source } from '../project/schema.js'
import type { References } from './references.js'
import '../project/data.js'
import { fail } from '../core/messages.js'

export interface CitationOptions {
  sources: ReadonlyMap<string, Source>
  references: References
  labels: Labels
}

/** Replace citation directives with footnote references and add one note per cited source. */
export function remarkCitations(options: CitationOptions) {
  return (tree: Root, file: VFile) => {
    const cited: string[] = []
    file.data.citationUses = []
    file.data.references ??= []
    visit(tree, 'textDirective', (node: TextDirective, index, parent) => {
      if (node.name !== 'cite' || !parent || index === undefined) return
      const ids = toString(node).split(',').map((id) => id.trim()).filter(Boolean)
      if (ids.length === 0) {
        fail(file, 'Empty citation: write `:cite[source-id]`', 'citation-empty', node)
      }
      const refs: FootnoteReference[] = []
      for (const id of ids) {
        if (!options.sources.has(id)) {
          fail(file, `Unknown source \`${id}\`: add it to a file in chapters/sources/ or fix the id`, 'citation-unknown', node)
          continue
        }
        if (!cited.includes(id)) cited.push(id)
        file.data.citationUses?.push({ id, place: node.position?.start })
        refs.push({ type: 'footnoteReference', identifier: `cite-${id}`, label: `cite-${id}` })
      }
      const before = parent.children[index - 1] as Text | undefined
      if (before?.type === 'text') before.value = before.value.trimEnd()
      parent.children.splice(index, 1, ...refs)
      return [SKIP, index + refs.length]
    })
    for (const id of cited) {
      // A note links to the source's entry in the bibliography: placed at its first citation, in case no chapter prints one.
      const first = file.data.citationUses.find((use) => use.id === id)
      file.data.references.push({ id: `source-${id}`, kind: 'link', place: first?.place })
      const note: FootnoteDefinition = {
        type: 'footnoteDefinition',
        identifier: `cite-${id}`,
        label: `cite-${id}`,
        children: [
          paragraph(
            [...structuredClone(options.references.notes.get(id) ?? []), text(' '), { type: 'link', url: `#source-${id}`, children: [text(options.labels.fullEntry)] }],
            ['citation']
          )
        ]
      }
      tree.children.push(note)
    }
    file.data.citations = cited
  }
}
