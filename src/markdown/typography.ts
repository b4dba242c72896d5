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
  // As a block of its own: a quote at its start opens, one at its end closes.
  return dashesAndEllipsesIn(curlBlock(` ${text}`, ' ').slice(1))
}

/** `text` with its dashes and ellipses set, parsed only when it holds something to change. */
function dashesAndEllipsesIn(text: string): string {
  return needsSecondPass.test(text) ? dashesAndEllipses.processSync(text).toString() : text
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
        ;(node as Node & { value: string }).value = dashesAndEllipsesIn(text)
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

/** Letters and digits: a neighbour that is part of a word for retext's parser, whatever its script. */
const wordCharacter = /[\p{L}\p{N}]/u
/** The whitespace every parser agrees on. */
const space = /[ \t\n]/
/** Punctuation that never joins the word before it. */
const closingPunctuation = /[.,;:!?]/

/**
 * `block`, followed by `next`, with its quotes curled as retext-smartypants curls them. A block holding no
 * straight quote is left alone. retext-smartypants decides each quote from its neighbours in the tree
 * retext's parser builds; where the characters either side decide that alone, a rule does it here, and a
 * block whose every quote a rule decides is not parsed (nearly all of the guide's: the parse cost 60 ms a
 * build). Each rule is the outcome of retext-smartypants' conditions, taken in its order, for those
 * neighbours, whichever sentence or word the parser puts the quote in:
 * - followed by whitespace or nothing: closing (nothing after it can open it);
 * - `'` between letters or digits: closing, an apostrophe (`Kathy's`);
 * - `"` after whitespace, before a letter: opening;
 * - `"` after a letter or digit, before `.`, `,`, `;`, `:`, `!` or `?`: closing.
 * Anything else (a quote beside a quote, a bracket, a dash) goes to retext-smartypants with the whole block.
 * test/remark-typography.test.ts checks the rules against the full pass.
 */
export function curlBlock(block: string, next = ''): string {
  if (!/['"]/.test(block)) return block
  const text = block + next
  let out = ''
  let from = 0
  for (let at = block.search(/['"]/); at !== -1; at = nextQuote(block, at + 1)) {
    const curled = byRule(text.charAt(at), text.charAt(at - 1), text.charAt(at + 1))
    if (curled === undefined) return quotes.processSync(text).toString().slice(0, block.length)
    out += block.slice(from, at) + curled
    from = at + 1
  }
  return out + block.slice(from)
}

function nextQuote(text: string, from: number): number {
  const single = text.indexOf("'", from)
  const double = text.indexOf('"', from)
  return single === -1 ? double : double === -1 ? single : Math.min(single, double)
}

/** The curled `quote` between `before` and `after` (one character each, or none), when a rule decides it. */
function byRule(quote: string, before: string, after: string): string | undefined {
  const double = quote === '"'
  if (after === '' || space.test(after)) return double ? '”' : '’'
  if (!double && wordCharacter.test(before) && wordCharacter.test(after)) return '’'
  if (double && space.test(before) && /\p{L}/u.test(after)) return '“'
  if (double && wordCharacter.test(before) && closingPunctuation.test(after)) return '”'
  return undefined
}

function isAddress(value: string, parent: Node): boolean {
  const url = (parent as Node & { url?: unknown }).url
  return parent.type === 'link' && typeof url === 'string' && (url === value || url === `mailto:${value}`)
}

function literal(node: Node): string | undefined {
  const value = (node as Node & { value?: unknown }).value
  return typeof value === 'string' ? value : undefined
}
