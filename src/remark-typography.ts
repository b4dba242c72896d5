// Typographic quotes, dashes and ellipses in text nodes only (directive names, attributes, URLs and code stay as
// typed). Adapted from remark-smartypants 3.0.3 (MIT, © Matija Marohnić and contributors), with the same two
// retext-smartypants passes: quotes over each block's text as a whole (so a quotation that opens before a link
// or emphasis closes after it), then dashes and ellipses node by node (they change a text's length).
// The changes: the quote pass parses only the blocks that hold a straight quote, and the second pass only the
// text nodes that hold a dash, ellipsis or backtick (it used to parse every node, for the 3 in the guide that
// need it); an autolink's shown address is left as typed, like code.
import type { Root } from 'mdast'
import { retext } from 'retext'
import smartypants from 'retext-smartypants'
import type { Node } from 'unist'
import { visit } from 'unist-util-visit'

/** Nodes whose text is read: literals, and the blocks that start a fresh run of text. */
const visited = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell'])
/** Blocks whose text starts fresh: a quote at their start always opens. */
const blocks = new Set(['paragraph', 'heading', 'tableCell'])
/** What the second pass can change: `--`, three dots (spaced or not), backticks. */
const needsSecondPass = /--|\.\s?\.|`/

/** The two passes; each keeps no state between texts. */
const quotes = retext().use(smartypants, { ellipses: false, dashes: false, backticks: false })
const dashesAndEllipses = retext().use(smartypants, { quotes: false })

/** Plain text (front matter written into a page, such as a handout's key points) with the same punctuation. */
export function typeset(text: string): string {
  const quoted = quotes.processSync(` ${text} `).toString().slice(1, -1)
  return needsSecondPass.test(quoted) ? dashesAndEllipses.processSync(quoted).toString() : quoted
}

export function remarkTypography() {
  return (tree: Root) => {
    let all = ''
    /** Where each block's text starts in `all` (at the space put before it). */
    const starts: number[] = []
    const nodes: Node[] = []
    const verbatim = new Set<Node>()
    visit(tree, (node: Node, _index, parent) => {
      if (!parent || !visited.has(node.type)) return
      const value = literal(node)
      // Code, and the shown address of an autolink (`<https://…>`), stay as typed: a reader may type it.
      if (value !== undefined && (node.type !== 'text' || isAddress(value, parent))) verbatim.add(node)
      if (value !== undefined) all += verbatim.has(node) ? 'A'.repeat(value.length) : value
      else if (blocks.has(node.type)) {
        starts.push(all.length)
        all += ' '
      } else return
      nodes.push(node)
    })
    const quoted = curlQuotes(all, starts)
    let start = 0
    for (const node of nodes) {
      const value = literal(node)
      if (value === undefined) {
        start += 1
        continue
      }
      const end = start + value.length
      if (!verbatim.has(node)) {
        const text = quoted.slice(start, end)
        ;(node as Node & { value: string }).value = needsSecondPass.test(text) ? dashesAndEllipses.processSync(text).toString() : text
      }
      start = end
    }
  }
}

/**
 * `all` with its quotes curled, block by block, each with the character after it, so it sees the same neighbours
 * as in the whole text (the pass looks one character either side of a quote and changes no length).
 */
function curlQuotes(all: string, starts: number[]): string {
  const bounds = [0, ...starts, all.length]
  let out = ''
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i] as number
    const to = bounds[i + 1] as number
    out += curlBlock(all.slice(from, to), all.charAt(to))
  }
  return out
}

/** A straight single quote with a letter or digit on both sides: `Kathy's`, `don't`. */
const innerApostrophe = /(?<=[\p{L}\p{N}])'(?=[\p{L}\p{N}])/gu

/**
 * `block`, followed by `next`, with its quotes curled as retext-smartypants curls them. A block holding no
 * straight quote is left alone. An apostrophe inside a word always becomes `’` there (its neighbour before is
 * part of a word, so the rule for closing quotes decides, whatever follows), so a block whose only straight
 * quotes are such apostrophes is not parsed: two blocks in five in the guide, and a parse costs a tenth of a
 * second over the guide. test/remark-typography.test.ts checks the shortcut against the full pass.
 */
export function curlBlock(block: string, next = ''): string {
  if (!/['"]/.test(block)) return block
  const inner = block.replace(innerApostrophe, '’')
  if (!/['"]/.test(inner)) return inner
  return quotes.processSync(block + next).toString().slice(0, block.length)
}

function isAddress(value: string, parent: Node): boolean {
  const url = (parent as Node & { url?: unknown }).url
  return parent.type === 'link' && typeof url === 'string' && (url === value || url === `mailto:${value}`)
}

function literal(node: Node): string | undefined {
  const value = (node as Node & { value?: unknown }).value
  return typeof value === 'string' ? value : undefined
}
