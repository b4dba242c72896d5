// A chapter's hast made ready for its own web page, on a copy so the other outputs from the same tree are
// unaffected. The pipeline gives book-wide `#id` links (one print document holds every chapter); on the web each
// chapter is a page of its own, so a link to another chapter's id points at that page, as the EPUB's do.
// Images point at their copies in the site; EPUB-only attributes go; a wide table scrolls inside its own box
// instead of making a phone's page scroll sideways.
import type { Element, ElementContent, Root } from 'hast'

export interface WebTreeOptions {
  /** This chapter's page, e.g. `plot.html`. */
  filename: string
  /** The page that holds each id of the book. */
  pageOf: ReadonlyMap<string, string>
  /** The site path of the image at a file URL. */
  imageHref: (url: string) => string
}

/** A copy of `tree` as the chapter's web page shows it. */
export function webTree(tree: Root, options: WebTreeOptions): Root {
  return { type: 'root', children: tree.children.map((child) => copy(child, options)) as Root['children'] }
}

/** One node, copied (without positions) and made ready; properties are copied one level deep. */
function copy(node: Root['children'][number], options: WebTreeOptions): Root['children'][number] {
  if (node.type !== 'element') return { ...node, position: undefined }
  const properties = { ...node.properties }
  // Note: `epub:type` means nothing in HTML; the DPUB-ARIA `role` beside it says the same to assistive technology.
  delete properties['epub:type']
  const element: Element = { type: 'element', tagName: node.tagName, properties, children: [] }
  element.children = node.children.map((child) => copy(child, options) as ElementContent)
  relink(element, options)
  if (element.tagName === 'img' && typeof properties.src === 'string') properties.src = options.imageHref(properties.src)
  return element.tagName === 'table' ? scrollBox(element) : element
}

/** Point a link at an id on another page to that page. */
function relink(node: Element, options: WebTreeOptions) {
  const href = node.properties.href
  if (typeof href !== 'string' || !href.startsWith('#')) return
  const target = options.pageOf.get(href.slice(1))
  if (target && target !== options.filename) node.properties.href = `${target}${href}`
}

/** A table inside a box that scrolls sideways; focusable, so a keyboard can scroll it too (WCAG 2.1.1). */
function scrollBox(table: Element): Element {
  return { type: 'element', tagName: 'div', properties: { className: ['table-box'], tabIndex: 0 }, children: [table] }
}
