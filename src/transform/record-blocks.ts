// The rendered content of the blocks a handout carries, put on the records remark-blocks made
// (`file.data.questions`, `activities`, `definitions`), found by the ids it gave them.
import type { Element, ElementContent, Root } from 'hast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import '../project/data.js'

/** Attach each recorded block's hast (without its label) to its record. */
export function recordBlocks(tree: Root, file: VFile) {
  const byId = new Map<string, Element>()
  visit(tree, 'element', (node) => {
    if (typeof node.properties.id === 'string') byId.set(node.properties.id, node)
  })
  for (const question of file.data.questions ?? []) {
    const element = byId.get(question.id)
    if (!element) continue
    const answer = byId.get(`${question.id}-answer`)
    question.body = withoutLabel(element).filter((child) => child !== answer)
    if (answer) question.answer = withoutLabel(answer)
  }
  for (const activity of file.data.activities ?? []) {
    const element = byId.get(activity.id)
    // An activity keeps its label: it carries the activity's title and timing.
    if (element) activity.body = element.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''))
  }
  for (const definition of file.data.definitions ?? []) {
    const element = byId.get(`term-${definition.id}`)
    // The first paragraph after the term's own: the definition proper.
    const first = element && withoutLabel(element).find((c): c is Element => c.type === 'element' && c.tagName === 'p')
    if (first) definition.body = [first]
  }
}

/** A block's children after its label (the first element, which remark-blocks put there). */
function withoutLabel(element: Element): ElementContent[] {
  const label = element.children.findIndex((c) => c.type === 'element')
  return element.children.slice(label + 1).filter((c) => !(c.type === 'text' && c.value.trim() === ''))
}
