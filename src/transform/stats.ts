// Word count and Flesch-Kincaid grade of a chapter's running prose (paragraphs; not headings, tables, notes,
// labels or the bibliography).
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { syllable } from 'syllable'
import { visitParents } from 'unist-util-visit-parents'
import type { VFile } from 'vfile'
import '../project/data.js'

/** Measure the chapter into `file.data.stats`. */
export function remarkStats() {
  return (tree: Root, file: VFile) => {
    const chunks: string[] = []
    visitParents(tree, (node, ancestors) => {
      // Running prose only: headings and table cells are not sentences and would pull the grade down.
      if (node.type !== 'paragraph') return
      if (ancestors.some((a) => a.type === 'footnoteDefinition' || a.type === 'table')) return
      const className = (node.data as { hProperties?: { className?: string[] } } | undefined)?.hProperties?.className
      if (className?.some((c) => c === 'block-label' || c === 'source-entry' || c === 'term')) return
      chunks.push(toString(node))
    })
    file.data.stats = measure(chunks)
  }
}

/** Count words, sentences and syllables in prose chunks (each chunk ends a sentence). */
export function measure(chunks: string[]) {
  let words = 0
  let sentences = 0
  let syllables = 0
  for (const chunk of chunks) {
    const tokens = chunk.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []
    if (tokens.length === 0) continue
    words += tokens.length
    sentences += Math.max(1, (chunk.match(/[.!?]+(?=\s|$|["”’)])/g) ?? []).length)
    for (const token of tokens) syllables += /\d/.test(token) ? 1 : Math.max(1, syllable(token))
  }
  const grade = words === 0 ? 0 : 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
  return { words, sentences, syllables, grade: Math.round(grade * 10) / 10 }
}
