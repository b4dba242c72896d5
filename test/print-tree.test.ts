import { toHtml } from 'hast-util-to-html'
import { describe, expect, it } from 'vitest'
import { printTree } from '../src/render/print-tree.js'
import { matter, processChapter } from './helpers.js'

/** The real pipeline's tree for `markdown`, and its print copy serialised. */
async function printed(markdown: string) {
  const { tree } = await processChapter(`${matter()}${markdown}`, { slug: 'pt', edition: 'student' })
  const before = toHtml(tree)
  const html = toHtml(printTree(tree))
  return { html, unchanged: toHtml(tree) === before, before }
}

describe('printTree', () => {
  it('should remove every back-link from the notes and leave the shared tree alone', async () => {
    const { html, unchanged, before } = await printed('A claim :cite[film]. An aside[^a].\n\n[^a]: My note.\n')
    expect(before).toContain('doc-backlink')
    expect(html).not.toContain('doc-backlink')
    expect(html).not.toContain('↑')
    expect(html).toContain('My note.</p>')
    expect(unchanged).toBe(true)
  })

  it('should join the word before a note mark, the mark and the punctuation after it in one unbreakable span', async () => {
    const { html } = await printed('A claim by Ishiguro :cite[film]. Then more text.\n')
    expect(html).toMatch(/A claim by <span class="nowrap">Ishiguro<sup>.*?<\/sup>\.<\/span> Then more text\./)
  })

  it('should keep a run of marks and a short emphasised title before them together', async () => {
    const { html } = await printed('The film of *Never Let Me Go* :cite[film] :cite[review], and more.\n')
    expect(html).toMatch(/of <span class="nowrap"><em>Never Let Me Go<\/em><sup>.*?<\/sup><sup>.*?<\/sup>,<\/span> and more\./)
  })
})
