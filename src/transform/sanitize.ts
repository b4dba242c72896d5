// Raw HTML in a chapter, made safe: parsed in place (hast-util-raw, as a browser would), every construct the
// allow-list refuses reported at the author's line, then removed (hast-util-sanitize). What comes out holds no
// script, event handler, frame, form, style or URL that could run code or load anything from outside the book.
import { pathToFileURL } from 'node:url'
import type { Root } from 'hast'
import { raw } from 'hast-util-raw'
import type { Raw } from 'mdast-util-to-hast'
import { sanitize } from 'hast-util-sanitize'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { auditHtml } from './html-audit.js'
import { chapterSchema } from './html-schema.js'
import { isStackOverflow, nodeTooDeep, reportTooDeep } from '../markdown/depth.js'
import '../project/data.js'

/**
 * Parse the raw HTML of `tree` (from mdast-util-to-hast with `allowDangerousHtml`), report and remove whatever
 * the chapter's allow-list refuses. Images survive only when remark-links checked them (`file.data.images`).
 * `raws` are the tree's raw nodes, collected by the walk before this one (to-hast.ts).
 */
export function sanitizeChapter(tree: Root, file: VFile, raws: Raw[]): Root {
  const parsed = raws.length > 0 ? parseRaw(tree, raws, file) : tree
  // One raw block can hold HTML nested deeper than any Markdown: guard before the recursive walks below.
  const deep = parsed && nodeTooDeep(parsed)
  if (!parsed || deep) {
    if (deep) reportTooDeep(file, deep)
    return { type: 'root', children: [] }
  }
  // Note: remark-links wrote each checked image into the tree as this very URL.
  const schema = chapterSchema((file.data.images ?? []).map((image) => pathToFileURL(image).href))
  auditHtml(parsed, schema, file)
  // An image whose source the schema refuses (html-schema.ts) would show only a broken-image icon.
  return withoutEmptyImages(sanitize(parsed, schema) as Root)
}

/** An `<img>` whose source was refused shows only a broken-image icon: take it out. */
function withoutEmptyImages(tree: Root): Root {
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'img' || node.properties.src !== undefined || !parent || index === undefined) return
    parent.children.splice(index, 1)
    return index
  })
  return tree
}

/** The tree with its raw HTML parsed; `undefined` (reported) when that HTML nests too deep to parse. */
function parseRaw(tree: Root, raws: Raw[], file: VFile): Root | undefined {
  try {
    return raw(tree, { file }) as Root
  } catch (error) {
    if (!isStackOverflow(error)) throw error
    // Find the block to blame: the first that cannot be parsed even on its own.
    const culprit = raws.find((node) => overflows(() => raw({ type: 'root', children: [node] })))
    reportTooDeep(file, culprit ?? raws[0])
    return undefined
  }
}

function overflows(parse: () => unknown): boolean {
  try {
    parse()
    return false
  } catch (error) {
    return isStackOverflow(error)
  }
}
