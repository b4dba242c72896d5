// Every factual statement names its source: in a `factual: true` chapter every paragraph and table row must
// carry a note; elsewhere every paragraph that gives a date, a sum or a percentage must.
import type { Node, Parent, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { SKIP, visitParents } from 'unist-util-visit-parents'
import type { VFile } from 'vfile'
import '../project/data.js'
import { fail } from '../core/messages.js'

/** Blocks whose prose is questions, guidance or definitions, not claims. */
const exempt = new Set(['question', 'answer', 'teacher', 'activity', 'definition', 'quote', 'callout-exempt'])
// A year from 1000 to 2099 (the date rule covers a guide to an old book as well as a new one), a year of an era
// (`44 BC`, `AD 800`), a sum, a percentage, or a count of millions or of time.
const numeric = /\b(?:1\d|20)\d{2}\b|\b\d{1,4}\s?(?:BCE?|CE)\b|\bAD\s?\d{1,4}\b|[$£€]\s?\d|\d\s?%|\b\d[\d,.]*\s(?:million|billion|minutes|weeks|days)\b/

/** Report uncited factual paragraphs as errors at their place. */
export function remarkCitationCheck() {
  return (tree: Root, file: VFile) => {
    const factual = file.data.matter?.factual === true
    visitParents(tree, (node, ancestors) => {
      // Nothing inside a paragraph, a table row or a heading is a paragraph or a row: their phrasing is not walked.
      if (node.type === 'heading') return SKIP
      if (node.type !== 'paragraph' && node.type !== 'tableRow') return
      check(node, ancestors)
      return SKIP
    })

    function check(node: Node, ancestors: Parent[]) {
      if (ancestors.some((a) => isExempt(a))) return
      if (isLabel(node)) return
      if (node.type === 'tableRow') {
        const table = ancestors[ancestors.length - 1] as Parent
        if (!factual || table.children[0] === node) return
      }
      const words = toString(node, { includeImageAlt: false }).trim()
      if (words === '') return
      if (!factual && !numeric.test(words)) return
      if (hasNote(node)) return
      const reason = factual
        ? 'Uncited paragraph in a factual chapter (`factual: true` in its front matter): add `:cite[source-id]` after the claim, or put opinion and tasks in a question, activity or teacher note'
        : 'A date, sum or percentage without a source: every figure in the guide names where it comes from, so a reader can check it. Add `:cite[source-id]` after the claim; a year from the work itself (when it was written, when it is set) cites the work (its own entry in chapters/sources/). Questions, activities and teacher notes need no citation; in a `factual: true` chapter every paragraph does'
      fail(file, reason, 'missing-citation', node)
    }
  }
}

function isExempt(node: Node) {
  const name = (node as { name?: string }).name
  return (
    node.type === 'footnoteDefinition' ||
    (node.type === 'containerDirective' && name !== undefined && exempt.has(name)) ||
    (node.type === 'list' && hasClass(node, 'bibliography'))
  )
}

function isLabel(node: Node) {
  return hasClass(node, 'block-label') || hasClass(node, 'quote-source') || hasClass(node, 'term')
}

function hasClass(node: Node, name: string) {
  const className = (node.data as { hProperties?: { className?: unknown } } | undefined)?.hProperties?.className
  return Array.isArray(className) && className.includes(name)
}

function hasNote(node: Node): boolean {
  if (node.type === 'footnoteReference') return true
  const children = (node as Parent).children
  return Array.isArray(children) && children.some((child) => hasNote(child))
}
