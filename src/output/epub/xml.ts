// hast as XHTML, the XML syntax EPUB content documents need, through hast-util-to-xast and xast-util-to-xml.
// Around them, only what they leave to their callers: hast-util-to-xast writes booleans as `checked=""` and drops
// `aria-hidden={false}`; xast-util-to-xml writes XML's forbidden U+FFFE and U+FFFF as they are, leaves `]]>` in
// text (which XML forbids) and tabs and newlines bare in attribute values (where any XML parser reads them as
// spaces), and closes either every empty element or none.
import type { ElementContent, Nodes, Properties } from 'hast'
import { toXast } from 'hast-util-to-xast'
import { find, html } from 'property-information'
import type { Element as XElement, ElementContent as XContent } from 'xast'
import { toXml } from 'xast-util-to-xml'

/** Elements that never have content: written as `<br />`; every other element gets an end tag. */
const voids = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])

/**
 * Characters XML 1.0 forbids, lone surrogates (which UTF-8 cannot encode), and the noncharacters U+FDD0–U+FDEF,
 * which Unicode keeps for a program's internal use: cleared from every value, so that four of those
 * noncharacters can stand in below for what only a character reference writes.
 */
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Stand-ins for an attribute's tab, newline and carriage return and for the `>` of `]]>` in a text. */
const standIn = { '\t': '\uFDD0', '\n': '\uFDD1', '\r': '\uFDD2', '>': '\uFDD3' } as const
/** What each stand-in becomes once serialised. */
const references: ReadonlyArray<[string, string]> = [['\uFDD0', '&#9;'], ['\uFDD1', '&#10;'], ['\uFDD2', '&#13;'], ['\uFDD3', '&gt;']]

/** Serialise a hast tree (or node) as well-formed XHTML, without namespace declarations (its page has them). */
export function toXhtml(node: Nodes): string {
  const children = node.type === 'root' ? node.children.flatMap(ready) : ready(node)
  // Note: converted inside a <body>, the only element hast-util-to-xast gives the XHTML namespace; the page's
  // <html> declares it already.
  const body = toXast({ type: 'element', tagName: 'body', properties: {}, children }) as XElement
  // Raw nodes here are only the void elements `finish` wrote (hast's raw nodes are refused by `ready`).
  let xml = toXml(body.children.map(finish), { allowDangerousXml: true })
  for (const [character, reference] of references) xml = xml.replaceAll(character, reference)
  return xml
}

/** A copy of `node` that hast-util-to-xast converts faithfully: nothing but elements and text. */
function ready(node: Nodes): ElementContent[] {
  switch (node.type) {
    case 'element':
      return [{ ...node, properties: properties(node.properties), children: node.children.flatMap(ready) }]
    case 'text':
      return [node]
    case 'raw':
      // Note: a chapter's raw HTML is parsed and sanitised into elements first (hast-sanitize.ts); a raw node
      // here would be unchecked markup on its way to a reader.
      throw new Error('Raw HTML cannot be written into an EPUB content document')
    default:
      // Comments, doctypes and roots inside a tree carry nothing for the reader.
      return []
  }
}

/**
 * `aria-hidden="false"` means something, so booleanish values are written as words; an empty class list (the
 * sanitiser can leave one behind) is no class at all.
 */
function properties(input: Properties): Properties {
  const output: Properties = {}
  for (const [key, value] of Object.entries(input)) {
    if (Array.isArray(value) && value.length === 0) continue
    output[key] = typeof value === 'boolean' && find(html, key).booleanish ? String(value) : value
  }
  return output
}

/** One converted node with clean values, its boolean attributes as XML allows them, and void elements closed. */
function finish(node: XContent): XContent {
  if (node.type === 'text') return { ...node, value: node.value.replace(forbidden, '').replaceAll(']]>', `]]${standIn['>']}`) }
  if (node.type !== 'element') return node
  const attributes: XElement['attributes'] = {}
  for (const [name, value] of Object.entries(node.attributes)) {
    if (value === null || value === undefined) continue
    // hast-util-to-xast writes a true boolean as `checked=""`; the attribute's own name is XHTML's usual form.
    const clean = value === '' && find(html, name).boolean ? name : value.replace(forbidden, '')
    attributes[name] = clean.replace(/[\t\n\r]/g, (character) => standIn[character as '\t' | '\n' | '\r'])
  }
  const element: XElement = { ...node, attributes, children: node.children.map(finish) }
  // Note: `<br></br>` is two line breaks to an HTML parser and `<span/>` an unclosed span, and some reading
  // systems parse XHTML as HTML: so void elements alone are closed in place, each serialised on its own.
  if (voids.has(node.name) && node.children.length === 0) return { type: 'raw', value: toXml(element, { closeEmptyElements: true }) }
  return element
}
