// Every id a chapter's HTML defines, registered for the book-wide checks; an id defined twice in one chapter
// (two glossary entries for one term, an HTML `id` that repeats a heading's) is an error, as it breaks links.
import type { Element, Root } from 'hast'
import type { Point } from 'unist'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import '../project/data.js'
import { fail } from '../core/messages.js'

/** Add the ids of `tree` to `file.data.ids` (once each) and report those used twice. */
export function registerIds(tree: Root, file: VFile) {
  const seen = new Map<string, Point | undefined>()
  const known = new Set((file.data.ids ??= []))
  visit(tree, (node) => {
    const place = node.position?.start
    if (node.type !== 'element') return
    const id = (node as Element).properties.id
    if (typeof id !== 'string') return
    if (seen.has(id)) {
      const first = seen.get(id)
      const where = first ? ` (first at ${first.line}:${first.column})` : ''
      const reason = `Id \`${id}\` is defined twice in this chapter${where}: links to it cannot tell them apart`
      fail(file, reason, 'duplicate-id', place)
      return
    }
    seen.set(id, place)
    if (known.has(id)) return
    file.data.ids?.push(id)
    if (place) (file.data.idPlaces ??= {})[id] = { line: place.line, column: place.column }
  })
}
