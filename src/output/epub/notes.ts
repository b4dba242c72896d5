// The chapter's notes as EPUB 3 footnotes. mdast-util-to-hast writes them as an ordered list at the chapter's
// end; Apple Books and Kobo open a note in a pop-up only when a `noteref` link points at an element with
// `epub:type="footnote"` (an <aside>), so for the EPUB each list item becomes such an aside, numbered in its
// text now that no list numbers it, and keeping its links back to every reference (told apart by a number,
// as GitHub does, when a note is cited more than once). The PDF keeps the list.
import type { Element, ElementContent, Root } from 'hast'
import { SKIP, visit } from 'unist-util-visit'

const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** Rewrite every notes section of `tree` (in place) into pop-up footnotes. */
export function epubNotes(tree: Root): Root {
  visit(tree, 'element', (node: Element) => {
    if (!isNotesSection(node)) return
    let number = 0
    node.children = node.children.flatMap((child) => {
      if (child.type !== 'element' || child.tagName !== 'ol') return [child]
      return child.children.filter((item): item is Element => item.type === 'element' && item.tagName === 'li').map((item) => footnote(item, ++number))
    })
    const label = node.children.find((child): child is Element => child.type === 'element' && headings.has(child.tagName))
    if (typeof label?.properties.id === 'string') node.properties.ariaLabelledBy = [label.properties.id]
    return SKIP
  })
  return tree
}

function isNotesSection(node: Element): boolean {
  const classes = node.properties.className
  return node.tagName === 'section' && Array.isArray(classes) && classes.includes('footnotes')
}

/** One note as `<aside epub:type="footnote" role="doc-footnote">`, its number first. */
function footnote(item: Element, number: number): Element {
  const marker: Element = { type: 'element', tagName: 'span', properties: { className: ['note-number'] }, children: [{ type: 'text', value: `${number}.` }] }
  const children = item.children.filter((child) => child.type !== 'text' || child.value.trim() !== '')
  const first = children[0]
  const numbered: ElementContent[] =
    first?.type === 'element' && first.tagName === 'p'
      ? [{ ...first, children: [marker, { type: 'text', value: ' ' }, ...first.children] }, ...children.slice(1)]
      : [{ type: 'element', tagName: 'p', properties: {}, children: [marker] }, ...children]
  let backlinks = 0
  for (const child of numbered) {
    visit(child, 'element', (node: Element) => {
      if (node.properties.role === 'doc-backlink' && ++backlinks > 1) node.children.push({ type: 'element', tagName: 'sup', properties: {}, children: [{ type: 'text', value: String(backlinks) }] })
    })
  }
  return {
    type: 'element',
    tagName: 'aside',
    properties: { id: item.properties.id, className: ['footnote'], 'epub:type': 'footnote', role: 'doc-footnote' },
    children: numbered
  }
}
