// The chapters' Markdown syntax: CommonMark, YAML front matter, GFM and directives, parsed by micromark exactly
// as remark-parse with remark-frontmatter, remark-gfm and remark-directive parses it (each of those plugins only
// hands these same extensions to `fromMarkdown`), with one difference in cost, none in result: a GFM construct
// is offered only to a document that holds the characters the construct cannot do without.
//
// Why: micromark tries a construct at every character that may start it. The email autolink literal starts at
// every letter or digit and reads on to the word's end looking for an `@`, and the table is tried on every line
// of every paragraph; in a warm process the two double the parse of the guide (about 50 ms for plain CommonMark,
// 140 ms with all of GFM), and a build's process is cold, so more. Most chapters hold no `@`, no address and no
// table, and a construct that cannot match changes no token, so leaving it out changes no tree. Likewise the
// autolink literals' search of every text node after parsing (10 ms a build) runs only where a text can hold
// an address. The trees are checked against the four plugins' in test/remark-syntax.test.ts.
import type { Root } from 'mdast'
import { directiveFromMarkdown } from 'mdast-util-directive'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal'
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote'
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item'
import { directive } from 'micromark-extension-directive'
import { frontmatter } from 'micromark-extension-frontmatter'
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal'
import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTable } from 'micromark-extension-gfm-table'
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item'
import type { Extension } from 'micromark-util-types'
import type { Plugin } from 'unified'

/**
 * GFM's constructs in `micromark-extension-gfm`'s order, each with a test that is true of every document in which
 * it can match (a false "yes" only costs time; a false "no" would lose syntax, so each test is wider than the
 * construct). What each construct needs, from its tokenizer (micromark-extension-gfm-* 2.1):
 */
const gfmConstructs: ReadonlyArray<readonly [Extension, (doc: string) => boolean]> = [
  // Email literals need an `@` (`mailto:` and `xmpp:` ones too); the others `www.`, or `http:` or `https:` and
  // `//`, in either case.
  [gfmAutolinkLiteral(), (doc) => doc.includes('@') || /www\.|https?:\/\//i.test(doc)],
  // Definitions and calls both open with `[^` (a call must match a definition).
  [gfmFootnote(), (doc) => doc.includes('[^')],
  [gfmStrikethrough(), (doc) => doc.includes('~')],
  // A delimiter row holds a `|`, or else an alignment colon against a dash (`a` over `:-` is a table).
  [gfmTable(), (doc) => doc.includes('|') || doc.includes(':-') || doc.includes('-:')],
  // `[ ]`, `[x]` or `[X]`, the space being any whitespace.
  [gfmTaskListItem(), (doc) => /\[[\sxX]\]/.test(doc)]
]

const frontmatterSyntax = frontmatter(['yaml'])
const directiveSyntax = directive()
// What mdast-util-gfm's `gfmFromMarkdown` holds, in its order.
const autolinkLiterals = gfmAutolinkLiteralFromMarkdown()
const gfmTrees = [autolinkLiterals, gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()]
const mdastExtensions = [frontmatterFromMarkdown(['yaml']), ...gfmTrees, directiveFromMarkdown()]
/**
 * The same without the autolink literals' tree transform, which looks through every text node for addresses and
 * emails that the syntax did not catch (after an entity, say). A text can only hold `www`, `http` or `@` if the
 * document does, or an entity (`&`) that makes it: letters cannot be escaped.
 */
const withoutLiteralSearch = mdastExtensions.filter((extension) => extension !== autolinkLiterals)
const mayHoldLiteral = /[@&]|www|http/i

/** The micromark extensions `doc` can need, in the order the four plugins would register them. */
export function syntaxFor(doc: string): Extension[] {
  return [frontmatterSyntax, ...gfmConstructs.filter(([, needed]) => needed(doc)).map(([extension]) => extension), directiveSyntax]
}

/** Parse Markdown with front matter, GFM and directives (the parser of remark-parse with the three plugins). */
export const remarkSyntax: Plugin<[], string, Root> = function () {
  this.parser = (doc) => fromMarkdown(doc, { extensions: syntaxFor(doc), mdastExtensions: mayHoldLiteral.test(doc) ? mdastExtensions : withoutLiteralSearch })
}
