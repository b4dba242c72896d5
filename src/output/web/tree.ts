// A chapter's hast made ready for its own web page, on a copy so the other outputs from the same tree are
// unaffected. The pipeline gives book-wide `#id` links (one print document holds every chapter); on the web each
// chapter is a page of its own, so a link to another chapter's id points at that page, as the EPUB's do.
// Images point at their copies in the site; EPUB-only attributes go; a wide table scrolls inside its own box
// instead of making a phone's page scroll sideways.
import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'
import { hasClass } from '../../core/hast-class.js'
import { relink, type PageTreeOptions } from '../../render/pages.js'

/** A copy of `tree` as the chapter's web page shows it. */
export function webTree(tree: Root, options: PageTreeOptions): Root {
  const copy = structuredClone(tree)
  const tables: Array<[Element, Root | Element]> = []
  visit(copy, 'element', (element, _index, parent) => {
    // Note: `epub:type` means nothing in HTML; the DPUB-ARIA `role` beside it says the same to assistive technology.
    delete element.properties['epub:type']
    relink(element, options.filename, options.pageOf)
    if (element.tagName === 'img' && typeof element.properties.src === 'string') element.properties.src = options.imageHref(element.properties.src)
    if (element.tagName === 'table' && parent) tables.push([element, parent])
    // A drawing scrolls sideways on a phone (web.css): its box must take focus so a keyboard can scroll it.
    if (element.tagName === 'div' && hasClass(element, 'figure-art')) element.properties.tabIndex = 0
  })
  // Wrapped once the walk is over, so the cells' own links and images were seen to.
  for (const [table, parent] of tables) parent.children[parent.children.indexOf(table)] = scrollBox(table)
  return copy
}

/** A table inside a box that scrolls sideways; focusable, so a keyboard can scroll it too (WCAG 2.1.1). */
function scrollBox(table: Element): Element {
  return { type: 'element', tagName: 'div', properties: { className: ['table-box'], tabIndex: 0 }, children: [table] }
}
