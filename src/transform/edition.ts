// Keep or drop teacher-only material: answer guidance and teacher notes appear only in the teacher edition.
import type { Root } from 'mdast'
import { remove } from 'unist-util-remove'
import type { Edition } from '../project/schema.js'

/** Directive names whose content belongs to the teacher edition only. */
export const teacherOnly = new Set(['answer', 'teacher'])

/** Remove teacher-only blocks unless building the teacher edition. */
export function remarkEdition(options: { edition: Edition }) {
  return (tree: Root) => {
    if (options.edition === 'teacher') return
    remove(tree, (node) => node.type === 'containerDirective' && teacherOnly.has((node as unknown as { name: string }).name))
  }
}
