// The depth guard: a chapter nested deeper than any real one (`> > > …` twenty thousand times) would exhaust the
// stack of every recursive tree utility after the parser (remark-gfm's own transform, the typography, to-hast,
// hast-util-raw, the serialisers). The guard runs inside the parser, as its first tree transform, so no later
// step ever sees such a tree: the chapter becomes one located `too-deep` error instead of a crash.
import type { Root } from 'mdast'
import type { Processor } from 'unified'
import type { Node, Parent, Point } from 'unist'
import type { VFile } from 'vfile'
import { fail, type Where } from '../core/messages.js'

/** Deeper than any real chapter (a question in a callout in a list five levels deep is about 20), far below the
 * depth at which the tree utilities exhaust Node's stack (about 2,000 levels). */
export const maxDepth = 256

/** The first node found below `limit` levels, walked without recursion so the walk itself cannot overflow. */
export function nodeTooDeep(tree: Node, limit = maxDepth): Node | undefined {
  const stack: Array<[Node, number]> = [[tree, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Node, number]
    if (depth > limit) return node
    const children = (node as Parent).children
    if (Array.isArray(children)) for (const child of children) stack.push([child, depth + 1])
  }
  return undefined
}

/** Report that the chapter is nested too deeply, at `where` (a raw HTML block, a Markdown node). */
export function reportTooDeep(file: VFile, where?: Where) {
  return fail(file, `Chapter too deeply nested: lists, quotations, blocks or HTML go more than ${maxDepth} levels deep here; flatten the structure`, 'too-deep', where)
}

/** Whether `error` is the engine running out of stack (a RangeError), the one failure deep input may cause. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message)
}

interface TooDeep {
  tooDeep?: Point
}

/**
 * Use before remark-gfm: its transform is registered with mdast-util-from-markdown (the public `transforms` of an
 * extension) ahead of GFM's, and replaces a tree too deep to walk by an empty root that remembers where. The
 * transformer then stops the chapter with a fatal message (`file.fail`), so no later plugin runs on it.
 */
export function remarkDepthGuard(this: Processor) {
  const data = this.data() as { fromMarkdownExtensions?: unknown[] }
  ;(data.fromMarkdownExtensions ??= []).push({ transforms: [guard] })
  return (tree: Root, file: VFile) => {
    const point = (tree.data as TooDeep | undefined)?.tooDeep
    if (!point) return
    const message = reportTooDeep(file, point)
    throw message
  }
}

function guard(tree: Root): Root | undefined {
  const deep = nodeTooDeep(tree)
  if (!deep) return undefined
  return { type: 'root', children: [], data: { tooDeep: deep.position?.start } as Root['data'] }
}
