// Say what the sanitiser is about to remove, where the author wrote it: hast-util-sanitize drops what its schema
// does not allow without a word, and an author whose `<iframe>` or `onclick` silently vanished learns nothing.
import type { Element, Root } from 'hast'
import { sanitize, type Schema } from 'hast-util-sanitize'
import type { Point } from 'unist'
import { SKIP, visitParents } from 'unist-util-visit-parents'
import type { VFile } from 'vfile'
import { fail } from '../core/messages.js'

/** Report (as `unsafe-html` errors) every element and attribute of `tree` that sanitising with `schema` removes. */
export function auditHtml(tree: Root, schema: Schema, file: VFile) {
  const allowed = new Set(schema.tagNames ?? [])
  const stripped = new Set(schema.strip ?? [])
  // Note: one element is sanitised on its own to learn which attributes survive; without its ancestors, so
  // table cells are not judged out of their table.
  const alone: Schema = { ...schema, ancestors: {} }
  visitParents(tree, 'element', (node: Element, ancestors) => {
    const place = placeOf(node, ancestors)
    if (!allowed.has(node.tagName)) {
      const fate = stripped.has(node.tagName) ? 'it was removed with its content' : 'it was removed, its text kept'
      report(file, `HTML element \`<${node.tagName}>\` is not allowed in a chapter: ${fate}`, place)
      return stripped.has(node.tagName) ? SKIP : undefined
    }
    const set = Object.entries(node.properties).filter(([, value]) => value !== null && value !== undefined && value !== false)
    if (set.length === 0) return
    const kept = sanitize({ type: 'element', tagName: node.tagName, properties: Object.fromEntries(set), children: [] }, alone)
    const survivors = kept.type === 'element' ? kept.properties : {}
    for (const [key, value] of set) {
      if (!(key in survivors)) report(file, attributeReason(node.tagName, key, value), place)
    }
  })
}

/** Presentation that HTML5 made obsolete; GitHub still allows it, EPUB 3 does not. */
const presentational = new Set(['align', 'valign', 'width', 'height', 'border', 'cellpadding', 'cellspacing', 'bgcolor', 'color', 'nowrap', 'clear', 'hspace', 'vspace', 'size', 'noshade', 'frame', 'rules', 'char', 'charoff', 'compact'])

function attributeReason(tagName: string, key: string, value: unknown): string {
  const name = attributeName(key)
  const shown = Array.isArray(value) ? value.join(' ') : String(value)
  if (name.startsWith('on')) return `Event handler \`${name}\` on \`<${tagName}>\` is not allowed (nothing in the guide runs scripts): it was removed`
  if (name === 'href') return `Link \`${shown}\` is not allowed in HTML (only \`#section\`, web and mail addresses): it was removed`
  if (name === 'src') return `Image \`${shown}\` is not allowed in HTML: write images in Markdown, \`![alternative text](images/file.png)\`; its source was removed`
  if (name === 'style') return `Inline \`style\` on \`<${tagName}>\` is not allowed (styling lives in styles/): it was removed`
  if (presentational.has(name)) return `Attribute \`${name}\` on \`<${tagName}>\` is obsolete HTML that an EPUB may not hold: align a table's columns with the colons of a Markdown table (\`| :-- | --: |\`) and leave layout to styles/; it was removed`
  return `Attribute \`${name}\` on \`<${tagName}>\` is not allowed in a chapter: it was removed`
}

/** The HTML attribute a hast property stands for: `onClick` is `onclick`, `ariaLabel` is `aria-label`. */
function attributeName(key: string): string {
  const dashed = /^(data|aria)[A-Z]/.test(key) ? key.replace(/[A-Z]/g, (c) => `-${c}`) : key
  return dashed.toLowerCase()
}

/** Where the author wrote `node`: its own place, else the nearest ancestor's (parse5 adds some elements). */
function placeOf(node: Element, ancestors: Array<{ position?: { start: Point } }>): Point | undefined {
  if (node.position) return node.position.start
  return [...ancestors].reverse().find((a) => a.position)?.position?.start
}

function report(file: VFile, reason: string, place: Point | undefined) {
  fail(file, reason, 'unsafe-html', place)
}
