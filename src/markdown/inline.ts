// A short text that the author may write in Markdown (a chapter's title: `What *Is* a Clone?`), parsed by
// remark-parse alone: its emphasis, strong text and code, or the text as it stands when it is not one paragraph.
import type { PhrasingContent } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { removePosition } from 'unist-util-remove-position'

const parser = unified().use(remarkParse).freeze()

/** `text` as phrasing; a text Markdown would read as a block (`1. Introduction`, `# Title`) stays plain text. */
export function parseInline(text: string): PhrasingContent[] {
  const root = parser.parse(text)
  removePosition(root, { force: true })
  const only = root.children.length === 1 ? root.children[0] : undefined
  return only?.type === 'paragraph' ? only.children : [{ type: 'text', value: text }]
}
