// The patched `visit` (patches/unist-util-visit+5.2.0.patch) against what the package does unpatched: the same
// visitor, wrapped for `visitParents` as unist-util-visit 5.2 wraps it. Same calls, in the same order, with the
// same index and parent; the same tree after the visitor's edits; the same error.
import fc from 'fast-check'
import type { Node, Parent } from 'unist'
import { CONTINUE, EXIT, SKIP, visit } from 'unist-util-visit'
import { visitParents } from 'unist-util-visit-parents'
import { describe, expect, it } from 'vitest'

interface TestNode extends Node {
  id: number
  children?: TestNode[]
}

type Test = Parameters<typeof visit>[1]

/** What the visitor does at the nth call: return a value, or edit the parent's children and return an index. */
type Step = 'nothing' | 'continue' | 'skip' | 'exit' | 'next' | 'again' | 'back' | 'remove' | 'insert' | 'skip-to-next' | 'null'

const steps: Step[] = ['nothing', 'continue', 'skip', 'exit', 'next', 'again', 'back', 'remove', 'insert', 'skip-to-next', 'null']

const tree = fc.letrec<{ node: TestNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ type: fc.constantFrom('a', 'b', 'c'), id: fc.constant(0) }),
    fc.record({ type: fc.constantFrom('a', 'b', 'c'), id: fc.constant(0), children: fc.array(tie('node'), { maxLength: 5 }) })
  )
})).node

const test: fc.Arbitrary<{ label: string; test: Test }> = fc.constantFrom(
  { label: 'none', test: undefined },
  { label: 'type', test: 'a' },
  { label: 'types', test: ['a', 'c'] },
  { label: 'props', test: { type: 'b' } },
  { label: 'function', test: (node: Node, index?: number | null, parent?: Parent | null) => (index ?? 0) % 2 === 0 || parent?.type === 'b' || node.type === 'c' }
)

/** Number every node (ids survive the copy each run makes). */
function number(node: TestNode, next = { id: 1 }): TestNode {
  node.id = next.id++
  for (const child of node.children ?? []) number(child, next)
  return node
}

/** Run `walk` on a copy of `root` with a visitor following `plan`; what it was called with, the tree after, the error. */
function run(root: TestNode, plan: Step[], walk: (tree: TestNode, visitor: (node: TestNode, index: number | undefined, parent: TestNode | undefined) => unknown) => void) {
  const copy = structuredClone(root)
  const calls: string[] = []
  let inserted = 1000
  let error: string | undefined
  try {
    walk(copy, (node, index, parent) => {
      calls.push(`${node.id}@${index}<${parent?.id}`)
      // A walk that keeps going back stops after a while, as a visitor must.
      if (calls.length > 200) return EXIT
      const step = plan[calls.length % plan.length] ?? 'nothing'
      const siblings = parent?.children
      switch (step) {
        case 'nothing':
          return undefined
        case 'null':
          return null
        case 'continue':
          return CONTINUE
        case 'skip':
          return SKIP
        case 'exit':
          return EXIT
        case 'next':
          return index === undefined ? undefined : index + 1
        case 'again':
          return index
        case 'back':
          return index === undefined ? undefined : index - 1
        case 'skip-to-next':
          return index === undefined ? SKIP : [SKIP, index + 2]
        case 'remove':
          if (!siblings || index === undefined) return undefined
          siblings.splice(index, 1)
          return index
        case 'insert':
          if (!siblings || index === undefined) return undefined
          siblings.splice(index + 1, 0, { type: 'c', id: inserted++ })
          return undefined
      }
    })
  } catch (caught) {
    error = (caught as Error).message
  }
  return { calls, tree: copy, error }
}

/** unist-util-visit 5.2's `visit`, unpatched: the visitor wrapped for `visitParents`. */
const unpatched = (check: Test, reverse: boolean) => (root: TestNode, visitor: (node: TestNode, index: number | undefined, parent: TestNode | undefined) => unknown) =>
  visitParents(root, check as never, (node: Node, parents: Parent[], index?: number) => visitor(node as TestNode, index, parents[parents.length - 1] as TestNode | undefined) as never, reverse)

const patched = (check: Test, reverse: boolean) => (root: TestNode, visitor: (node: TestNode, index: number | undefined, parent: TestNode | undefined) => unknown) =>
  check === undefined ? visit(root, visitor as never, reverse) : visit(root, check as never, visitor as never, reverse)

describe('visit (patched)', () => {
  it('should make the same calls and leave the same tree as visitParents with the visitor wrapped', () => {
    fc.assert(
      fc.property(tree, test, fc.boolean(), fc.array(fc.constantFrom(...steps), { minLength: 1, maxLength: 8 }), (root, { test: check }, reverse, plan) => {
        const numbered = number(root)
        expect(run(numbered, plan, patched(check, reverse))).toEqual(run(numbered, plan, unpatched(check, reverse)))
      }),
      { numRuns: 3000, seed: 20261122 }
    )
  })

  it('should walk a real tree in document order, with each node’s index and parent', () => {
    const leaf = (id: number): TestNode => ({ type: 'c', id })
    const root: TestNode = { type: 'a', id: 1, children: [{ type: 'b', id: 2, children: [leaf(3), leaf(4)] }, leaf(5)] }
    expect(run(root, ['nothing'], patched(undefined, false)).calls).toEqual(['1@undefined<undefined', '2@0<1', '3@0<2', '4@1<2', '5@1<1'])
    expect(run(root, ['nothing'], patched('c', true)).calls).toEqual(['5@1<1', '4@1<2', '3@0<2'])
    // The nth call follows plan[n % plan.length]: the first (the root) 'nothing', the second (node 2) 'skip'.
    expect(run(root, ['skip', 'nothing'], patched(undefined, false)).calls).toEqual(['1@undefined<undefined', '2@0<1', '5@1<1'])
  })

  it('should refuse what visitParents refuses, with its message', () => {
    expect(() => visit(undefined as never, () => {})).toThrow('Unexpected value `undefined` for `tree`, expected node')
    expect(() => visit({ type: 'a' }, 1 as never, () => {})).toThrow(/Expected function, string, or object as test/)
  })
})
