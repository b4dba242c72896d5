// Guard against trees too deep for the recursive tree utilities (mdast-util-to-hast, hast-util-raw,
// hast-util-to-html all recurse once per level): a chapter nested that deep becomes one message, not a crash.
import type { Node, Parent } from 'unist'
import type { VFile } from 'vfile'

/** Deeper than any real chapter (a question in a callout in a list five levels deep is about 20), far below the
 * depth at which the tree utilities exhaust Node's stack (about 2,000 levels). */
export const maxDepth = 256

/** The first node found below `limit` levels, walked without recursion so the walk itself cannot overflow. */
export function nodeTooDeep(tree: Node, limit = maxDepth): Node | undefined {
  // Nodes and their depths in two stacks side by side: a pair per node would be one more object per node to collect.
  const nodes: Node[] = [tree]
  const depths: number[] = [0]
  while (nodes.length > 0) {
    const node = nodes.pop() as Node
    const depth = depths.pop() as number
    if (depth > limit) return node
    const children = (node as Parent).children
    if (Array.isArray(children)) {
      for (const child of children) {
        nodes.push(child)
        depths.push(depth + 1)
      }
    }
  }
  return undefined
}

/** Report that the chapter is nested too deeply, at `node` (or the chapter's start). */
export function reportTooDeep(file: VFile, node?: Node) {
  const message = file.message(
    `Chapter too deeply nested: lists, quotations, blocks or HTML go more than ${maxDepth} levels deep here; flatten the structure`,
    { place: node?.position?.start ?? { line: 1, column: 1 }, ruleId: 'too-deep', source: 'nlmg' }
  )
  message.fatal = true
}

/** Whether `error` is the engine running out of stack (a RangeError), the one failure deep input may cause. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message)
}
