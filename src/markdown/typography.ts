// Typographic quotes, dashes and ellipses: remark-smartypants in the chapters' text nodes (code, URLs, directive
// names and attributes stay as typed), and retext-smartypants for the plain text of front matter.
import type { Link, Root } from 'mdast'
import { retext } from 'retext'
import smartypants from 'retext-smartypants'
import remarkSmartypants from 'remark-smartypants'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

/** The chapters' text, set by remark-smartypants. */
export const remarkTypography = remarkSmartypants

const plain = retext().use(smartypants)

/** Plain text (front matter written into a page, such as a handout's key points) with the same punctuation. */
export function typeset(text: string): string {
  return plain.processSync(text).toString()
}

/**
 * An address shown as typed (`<https://…>`, `www.…`, an email) keeps the characters its author typed: a reader may
 * type it in, and remark-smartypants would turn its `--` into a dash. Runs after it, from the source's own text.
 */
export function remarkVerbatimAddresses() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value)
    visit(tree, 'link', (node: Link) => {
      const [child] = node.children
      const start = child?.position?.start.offset
      const end = child?.position?.end.offset
      if (node.children.length !== 1 || child?.type !== 'text' || start === undefined || end === undefined) return
      const typed = source.slice(start, end)
      if (node.url === typed || node.url === `mailto:${typed}` || node.url === `http://${typed}`) child.value = typed
    })
  }
}
