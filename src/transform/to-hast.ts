// mdast to hast through mdast-util-to-hast, then the note markup readers and assistive technology expect, then
// the chapter's raw HTML made safe.
import type { Element, Root as HastRoot } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import { toHast, type Raw } from 'mdast-util-to-hast'
import type { Plugin } from 'unified'
import { visit } from 'unist-util-visit'
import { checkDirectiveFences } from './directive-fences.js'
import { sanitizeChapter } from './sanitize.js'
import { registerIds } from './ids.js'
import { recordBlocks } from './record-blocks.js'
import type { Labels } from '../project/labels.js'
import '../project/data.js'

/**
 * Turn the chapter's mdast into hast; ids are prefixed with the chapter's slug so a whole book can share one page.
 * Raw HTML is kept, then parsed and sanitised against an allow-list; what it loses is reported.
 */
export const remarkToHast: Plugin<[{ labels: Labels }], MdastRoot, HastRoot> = function (options) {
  return (tree, file) => {
    const slug = file.data.slug ?? 'chapter'
    checkDirectiveFences(tree, file)
    const hast = toHast(tree, {
        allowDangerousHtml: true,
        clobberPrefix: `${slug}-`,
        footnoteLabel: options.labels.notes,
        footnoteLabelTagName: 'h2',
        footnoteLabelProperties: { className: ['notes-heading'] },
        // Each back-link names its note and, for a note cited more than once, which citation it returns to.
        footnoteBackLabel: (index, again) => `${options.labels.backToText} (${index + 1}${again > 1 ? `, citation ${again}` : ''})`,
        footnoteBackContent: '↑'
    }) as HastRoot
    const raws = markNotes(hast, slug)
    const safe = sanitizeChapter(hast, file, raws)
    registerIds(safe, file)
    recordBlocks(safe, file)
    return safe
  }
}

/**
 * Give notes book-wide ids and the roles of EPUB 3 and DPUB-ARIA (`noteref`, `endnotes`, `backlink`), and open
 * with a comma every note reference that follows another directly, so notes cited together read “2,1”, not “21”;
 * returns the raw HTML nodes, for the sanitiser.
 */
function markNotes(tree: HastRoot, slug: string): Raw[] {
  const labelId = `${slug}-footnote-label`
  const raws: Raw[] = []
  visit(tree, (node: HastRoot | HastRoot['children'][number] | Raw) => {
    if (node.type === 'raw') raws.push(node)
    if (node.type !== 'element') return
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
    // The children are visited after their parent, so their references are not marked yet.
    node.children.forEach((child, index) => {
      if (isNoteref(child) && isNoteref(node.children[index - 1])) child.children.unshift({ type: 'text', value: ',' })
    })
  })
  return raws
}

/** A `<sup>` holding a note reference (as mdast-util-to-hast writes it). */
function isNoteref(node: Element['children'][number] | undefined): node is Element {
  return node?.type === 'element' && node.tagName === 'sup' && node.children.some((c) => c.type === 'element' && c.properties.dataFootnoteRef !== undefined)
}
