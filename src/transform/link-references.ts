// Reference-style links and images (`[text][id]`, `![alt][id]` with `[id]: url` elsewhere) turned into plain
// links and images, so the checks on links and images see every URL the HTML will hold.
import type { Definition, Image, ImageReference, Link, LinkReference, Parent, Root } from 'mdast'
import { visit } from 'unist-util-visit'

/** Replace every reference whose definition exists by the link or image it stands for (first definition wins). */
export function resolveReferences(tree: Root) {
  const definitions = new Map<string, Definition>()
  visit(tree, 'definition', (node: Definition) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
  })
  if (definitions.size === 0) return
  visit(tree, ['linkReference', 'imageReference'], (node, index, parent: Parent | undefined) => {
    const reference = node as LinkReference | ImageReference
    const definition = definitions.get(reference.identifier)
    if (!definition || !parent || index === undefined) return
    parent.children[index] = resolved(reference, definition) as Parent['children'][number]
  })
}

function resolved(node: LinkReference | ImageReference, definition: Definition): Link | Image {
  const { url, title } = definition
  if (node.type === 'imageReference') return { type: 'image', url, title, alt: node.alt, position: node.position }
  return { type: 'link', url, title, children: node.children, position: node.position }
}
