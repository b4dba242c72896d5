// hast as XHTML, the XML syntax EPUB content documents need. hast-util-to-html writes HTML (bare boolean
// attributes, `<` left raw in attribute values), and epub-gen-memory's own clean-up drops every attribute it
// does not know (`start`, `scope`, `data-*`) and fills empty `alt`s; so the EPUB's documents are written here.
import type { Element, Nodes, Properties } from 'hast'
import { find, html } from 'property-information'

/** Elements that never have content: written as `<br />`; every other element gets an end tag. */
const voids = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])

/** Characters XML 1.0 forbids anywhere in a document. */
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

/** Serialise a hast tree (or node) as well-formed XHTML. */
export function toXhtml(node: Nodes): string {
  switch (node.type) {
    case 'root':
      return node.children.map(toXhtml).join('')
    case 'element':
      return element(node)
    case 'text':
      return escapeText(node.value)
    case 'raw':
      // Note: a chapter's raw HTML is parsed and sanitised into elements first (hast-sanitize.ts); a raw node
      // here would be unchecked markup on its way to a reader.
      throw new Error('Raw HTML cannot be written into an EPUB content document')
    default:
      // Comments and doctypes carry nothing for the reader.
      return ''
  }
}

function element(node: Element): string {
  const open = `<${node.tagName}${attributes(node.properties)}`
  if (node.children.length === 0 && voids.has(node.tagName)) return `${open} />`
  return `${open}>${node.children.map(toXhtml).join('')}</${node.tagName}>`
}

/** property-information's answer for each property name, asked once: a chapter repeats a few dozen names. */
const infos = new Map<string, ReturnType<typeof find>>()

function attributes(properties: Properties): string {
  let out = ''
  for (const [key, value] of Object.entries(properties)) {
    // Note: an empty class list is no class at all (the sanitiser can leave one behind).
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue
    let info = infos.get(key)
    if (!info) infos.set(key, (info = find(html, key)))
    // `aria-hidden="false"` means something; `hidden` absent and `hidden="hidden"` are the boolean's two states.
    if (value === false && !info.booleanish) continue
    const text = typeof value === 'boolean' ? (info.booleanish ? String(value) : info.attribute) : Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ') : String(value)
    out += ` ${info.attribute}="${escapeAttribute(text)}"`
  }
  return out
}

/** Whether a text needs any of the changes below: most have none, and one test is cheaper than four passes. */
const needsEscape = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/
const needsAttributeEscape = /[&<>"\n\r\t\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/

function escapeText(value: string): string {
  if (!needsEscape.test(value)) return value
  return value.replace(forbidden, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function escapeAttribute(value: string): string {
  if (!needsAttributeEscape.test(value)) return value
  // Note: newlines and tabs become references, or an XML parser would fold them into spaces.
  return escapeText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;')
}
