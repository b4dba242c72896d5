// The chapter tree as paper needs it. The hast tree is shared with the EPUB, so this works on a copy. On paper
// a note's back-link (↑) leads nowhere a reader can follow, so it goes; the EPUB keeps its back-links. A note
// mark must never start a line, nor the punctuation after it: the word before the mark, the mark(s) and the
// punctuation after are joined in one unbreakable span.
import type { Element, ElementContent, Root, Text } from 'hast'
import { remove } from 'unist-util-remove'
import { hasClass } from '../core/hast-class.js'
import { SKIP, visit } from 'unist-util-visit'

/** A joined element longer than this (in characters) is left breakable: a whole title must still wrap. */
const longestJoin = 24

/** A copy of `tree` for print: no back-links, each note mark held to the word before it. */
export function printTree(tree: Root): Root {
  const copy = structuredClone(tree)
  removeBacklinks(copy)
  removeFigureData(copy)
  joinNoteMarks(copy)
  return copy
}

/** Whether `node` is a footnote reference (`<sup><a role="doc-noteref">`), as mdast-util-to-hast makes it. */
export function isNoteMark(node: ElementContent | undefined): boolean {
  return node?.type === 'element' && node.tagName === 'sup' && node.children.some((c) => c.type === 'element' && c.properties.role === 'doc-noteref')
}

/** On paper a data figure's text alternative stays in the figure's tags (its title), not on the page. */
function removeFigureData(tree: Root): void {
  remove(tree, (node) => node.type === 'element' && (hasClass(node as Element, 'figure-data') || hasClass(node as Element, 'figure-data-link')))
}

/** Remove every back-link and the space before it, so a note ends with its own full stop. */
function removeBacklinks(tree: Root): void {
  remove(tree, (node) => node.type === 'element' && (node as Element).properties.role === 'doc-backlink')
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'li' && String(node.properties.id ?? '').includes('fn-')) trimTrailing(node)
  })
}

/** Drop trailing white space left where the back-links stood (in the note's last paragraph). */
function trimTrailing(node: Element): void {
  const last = node.children.findLast((c) => !(c.type === 'text' && c.value.trim() === ''))
  if (last?.type === 'element') {
    while (last.children.at(-1)?.type === 'text' && (last.children.at(-1) as Text).value.trim() === '') last.children.pop()
    const tail = last.children.at(-1)
    if (tail?.type === 'text') tail.value = tail.value.trimEnd()
  }
}

/** Wrap each run of note marks with the word before it and the punctuation after it in `span.nowrap`. */
function joinNoteMarks(tree: Root): void {
  visit(tree, 'element', (parent: Element) => {
    if (isNowrap(parent)) return SKIP
    for (let i = 0; i < parent.children.length; i++) {
      if (!isNoteMark(parent.children[i])) continue
      // A run of marks, across the empty text nodes the citation step leaves between them.
      let end = i
      for (let k = i + 1; k < parent.children.length; k++) {
        if (isNoteMark(parent.children[k])) end = k
        else if (!isEmptyText(parent.children[k])) break
      }
      const before = takeWordBefore(parent.children, i)
      const start = i - before.removed
      end -= before.removed
      const after = takePunctuationAfter(parent.children, end)
      const joined = [...before.nodes, ...parent.children.slice(start, end + 1), ...after.nodes]
      parent.children.splice(start, end + 1 - start + after.removed, nowrap(joined))
      if (before.rest) parent.children.splice(start, 0, before.rest)
      i = start + (before.rest ? 1 : 0)
    }
    return undefined
  })
}

const isEmptyText = (node: ElementContent | undefined) => node?.type === 'text' && node.value === ''
const nowrap = (children: ElementContent[]): Element => ({ type: 'element', tagName: 'span', properties: { className: ['nowrap'] }, children })
const isNowrap = (node: Element) => Array.isArray(node.properties.className) && node.properties.className.includes('nowrap')

/**
 * The last word before index `i`: from a text node, its last run of non-space characters (the rest stays in
 * place as `rest`); a short element (an emphasised title, a term link) whole. `removed` counts the siblings
 * taken out of the list before `i`.
 */
function takeWordBefore(children: ElementContent[], i: number): { nodes: ElementContent[]; rest?: Text; removed: number } {
  let removed = 0
  // An empty text node (the citation step leaves some) separates nothing: look past it.
  while (isEmptyText(children[i - 1 - removed])) removed++
  children.splice(i - removed, removed)
  const at = i - removed - 1
  const prev = children[at]
  if (prev?.type === 'text') {
    const split = prev.value.search(/\S+$/)
    if (split < 0) return { nodes: [], removed }
    children.splice(at, 1)
    const rest = split > 0 ? { type: 'text' as const, value: prev.value.slice(0, split) } : undefined
    return { nodes: [{ type: 'text', value: prev.value.slice(split) }], rest, removed: removed + 1 }
  }
  if (prev?.type === 'element' && textOf(prev).length <= longestJoin) {
    children.splice(at, 1)
    return { nodes: [prev], removed: removed + 1 }
  }
  return { nodes: [], removed }
}

/** Punctuation right after index `end` (a full stop, a comma, a closing bracket or quote), split off its text node. */
function takePunctuationAfter(children: ElementContent[], end: number): { nodes: ElementContent[]; removed: number } {
  const next = children[end + 1]
  if (next?.type !== 'text') return { nodes: [], removed: 0 }
  const match = /^[^\s\p{L}\p{N}]+/u.exec(next.value)
  if (!match) return { nodes: [], removed: 0 }
  next.value = next.value.slice(match[0].length)
  return { nodes: [{ type: 'text', value: match[0] }], removed: 0 }
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value
  return node.type === 'element' ? node.children.map(textOf).join('') : ''
}
