// A chapter's hast made ready for the EPUB, on a copy so the print HTML from the same tree is unaffected:
// links to other chapters point at their files, notes pop up, table cells keep their alignment (as a style:
// `align` is obsolete in XHTML 5) and header cells their scope, images point at their packed copies, a task
// list's checkboxes are labelled by their item's words.
import type { Element, Root } from 'hast'
import { visitParents } from 'unist-util-visit-parents'
import { relink, type PageTreeOptions } from '../../render/pages.js'
import { epubNotes } from './notes.js'

/** A copy of `tree` as the EPUB shows it. */
export function epubTree(tree: Root, options: PageTreeOptions): Root {
  const copy = structuredClone(tree)
  visitParents(copy, 'element', (element, ancestors) => {
    relink(element, options.filename, options.pageOf)
    if (element.tagName === 'img' && typeof element.properties.src === 'string') element.properties.src = options.imageHref(element.properties.src)
    if (element.tagName === 'th' || element.tagName === 'td') cell(element, ancestors.some((a) => a.type === 'element' && a.tagName === 'thead'))
    if (element.tagName === 'li' || element.tagName === 'p') labelCheckbox(element)
  })
  return epubNotes(copy)
}

function cell(node: Element, inHead: boolean) {
  const { align, style } = node.properties
  if (typeof align === 'string') {
    node.properties.style = [style, `text-align: ${align}`].filter(Boolean).join('; ')
    delete node.properties.align
  }
  if (node.tagName === 'th' && inHead) node.properties.scope ??= 'col'
}

/** Elements that end a task item's words (a nested list, a second paragraph). */
const blocks = new Set(['p', 'ul', 'ol', 'div', 'blockquote', 'table', 'pre', 'figure', 'dl', 'hr', 'section', 'aside'])

/** A GFM task item's checkbox and the words after it, wrapped in a <label>: a form control needs a name. */
function labelCheckbox(node: Element) {
  const start = node.children.findIndex((c) => c.type === 'element' && c.tagName === 'input' && c.properties.type === 'checkbox')
  if (start === -1) return
  let end = start + 1
  while (end < node.children.length && !isBlock(node.children[end])) end++
  const label: Element = { type: 'element', tagName: 'label', properties: {}, children: node.children.slice(start, end) }
  node.children.splice(start, end - start, label)
}

function isBlock(node: Element['children'][number] | undefined): boolean {
  return node?.type === 'element' && blocks.has(node.tagName)
}

