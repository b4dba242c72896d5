import path from 'node:path'
import type { Element, Root } from 'hast'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { epubNotes } from '../src/output/epub/notes.js'
import { loadLabels } from '../src/project/labels.js'
import { toXhtml } from '../src/output/epub/xml.js'
import { matter, processChapter } from './helpers.js'

/** The real pipeline's hast for `markdown`, as chapter `notes`. */
async function chapterTree(markdown: string): Promise<Root> {
  return (await processChapter(`${matter()}${markdown}`, { slug: 'notes', edition: 'student' })).tree
}

const notesSection = (tree: Root) => tree.children.find((c): c is Element => c.type === 'element' && c.tagName === 'section') as Element

describe('epubNotes', () => {
  it('should turn each note of the list into a numbered aside that pops up and links back to every reference', async () => {
    const tree = epubNotes(await chapterTree('A claim :cite[film]. An aside[^a]. Again :cite[film].\n\n[^a]: My note.\n'))
    const section = notesSection(tree)
    expect(section.properties).toMatchObject({ role: 'doc-endnotes', 'epub:type': 'endnotes', ariaLabelledBy: ['notes-footnote-label'] })
    const asides = section.children.filter((c): c is Element => c.type === 'element' && c.tagName !== 'h2')
    expect(asides.map(toXhtml)).toEqual([
      '<aside id="notes-fn-cite-film" class="footnote" epub:type="footnote" role="doc-footnote"><p class="citation"><span class="note-number">1.</span> <em>The Film</em>. Test Pictures, 2010. ' +
        '<a href="#source-film">Full entry in Sources</a> ' +
        '<a href="#notes-fnref-cite-film" aria-label="Back to the text (1)" class="data-footnote-backref" role="doc-backlink">↑</a> ' +
        '<a href="#notes-fnref-cite-film-2" aria-label="Back to the text (1, citation 2)" class="data-footnote-backref" role="doc-backlink">↑<sup>2</sup></a></p></aside>',
      '<aside id="notes-fn-a" class="footnote" epub:type="footnote" role="doc-footnote"><p><span class="note-number">2.</span> My note. ' +
        '<a href="#notes-fnref-a" aria-label="Back to the text (2)" class="data-footnote-backref" role="doc-backlink">↑</a></p></aside>'
    ])
  })

  it('should number a note that opens with something other than a paragraph', async () => {
    const tree = epubNotes(await chapterTree('Text[^list].\n\n[^list]:\n    - one\n    - two\n'))
    const aside = notesSection(tree).children.find((c): c is Element => c.type === 'element' && c.tagName === 'aside') as Element
    expect(toXhtml(aside.children[0] as Element)).toBe('<p><span class="note-number">1.</span></p>')
    expect((aside.children[1] as Element).tagName).toBe('ul')
  })

  it('should leave a chapter without notes as it was', async () => {
    const tree = await chapterTree('No notes here.\n')
    expect(epubNotes(structuredClone(tree))).toEqual(tree)
  })
})
