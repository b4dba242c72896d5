// A drawing as the outputs carry it: Mermaid's SVG text parsed into hast (never pasted in as a string), with
// nothing in it that would run code or that an e-reader drops.
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { visit } from 'unist-util-visit'

/** Elements an SVG in the guide may not hold: code, and HTML inside SVG (which EPUB readers drop). */
const refused = new Set(['script', 'foreignObject', 'iframe', 'object', 'embed'])

/** The `<svg>` element of `svg`, or the reason it cannot go into the book. */
export function svgTree(svg: string): Element | string {
  const root: Root = fromHtml(svg, { fragment: true })
  const element = root.children.find((c): c is Element => c.type === 'element' && c.tagName === 'svg')
  if (!element) return 'Mermaid gave no SVG'
  let problem: string | undefined
  visit(element, 'element', (node: Element) => {
    if (refused.has(node.tagName)) problem ??= `the drawing holds \`<${node.tagName}>\``
    for (const key of Object.keys(node.properties)) if (/^on/i.test(key)) problem ??= `the drawing holds an event handler (\`${key}\`)`
  })
  return problem ?? asFigure(element)
}

/**
 * Mermaid's SVG made valid where EPUB's schema is stricter than browsers: one role (`img`, its title and description
 * still naming it), and a width and height on every `<rect>` (Mermaid leaves them off an empty label's background).
 */
function asFigure(svg: Element): Element {
  svg.properties.role = 'img'
  delete svg.properties.ariaRoleDescription
  visit(svg, 'element', (node: Element) => {
    if (node.tagName !== 'rect') return
    node.properties.width ??= 0
    node.properties.height ??= 0
  })
  return svg
}
