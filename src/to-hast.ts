// mdast to hast through mdast-util-to-hast, then the note markup readers and assistive technology expect.
import type { Element, Root as HastRoot } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import { toHast } from 'mdast-util-to-hast'
import type { Plugin } from 'unified'
import { visit } from 'unist-util-visit'
import type { Labels } from './labels.js'
import './types.js'

/** Turn the chapter's mdast into hast; ids are prefixed with the chapter's slug so a whole book can share one page. */
export const remarkToHast: Plugin<[{ labels: Labels }], MdastRoot, HastRoot> = function (options) {
  return (tree, file) => {
    const slug = file.data.slug ?? 'chapter'
    const hast = toHast(tree, {
      clobberPrefix: `${slug}-`,
      footnoteLabel: options.labels.notes,
      footnoteLabelTagName: 'h2',
      footnoteLabelProperties: { className: ['notes-heading'] },
      footnoteBackLabel: (index) => `${options.labels.backToText} (${index + 1})`,
      footnoteBackContent: '↑'
    }) as HastRoot
    markNotes(hast, slug)
    file.data.ids ??= []
    visit(hast, 'element', (node: Element) => {
      const id = node.properties.id
      if (typeof id === 'string' && /-fn-/.test(id)) file.data.ids?.push(id)
    })
    return hast
  }
}

/** Give notes book-wide ids and the roles of EPUB 3 and DPUB-ARIA: `noteref`, `endnotes`, `backlink`. */
function markNotes(tree: HastRoot, slug: string) {
  const labelId = `${slug}-footnote-label`
  visit(tree, 'element', (node: Element) => {
    const p = node.properties
    if (p.id === 'footnote-label') p.id = labelId
    if (Array.isArray(p.ariaDescribedBy)) p.ariaDescribedBy = p.ariaDescribedBy.map((v) => (v === 'footnote-label' ? labelId : v))
    if (p.dataFootnoteRef !== undefined) {
      p.role = 'doc-noteref'
      p['epub:type'] = 'noteref'
      delete p.dataFootnoteRef
    }
    if (p.dataFootnoteBackref !== undefined) {
      p.role = 'doc-backlink'
      delete p.dataFootnoteBackref
    }
    if (p.dataFootnotes !== undefined) {
      p.role = 'doc-endnotes'
      p['epub:type'] = 'endnotes'
      p.className = ['footnotes']
      delete p.dataFootnotes
    }
    if (node.tagName === 'li' && typeof p.id === 'string' && p.id.startsWith(`${slug}-fn-`)) {
      p['epub:type'] = 'endnote'
    }
  })
}
