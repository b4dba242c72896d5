// The copy of a chapter's tree that each edition but the last transforms: deep, and equal to structuredClone's.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import { copyTree } from '../src/book/book.js'
import { createReader } from '../src/chapter/processor.js'
import { root } from './helpers.js'

describe('copyTree', () => {
  it('should copy every chapter of the guide and the fixtures as structuredClone does, sharing nothing', async () => {
    const reader = createReader()
    const dirs = [path.join(root, 'chapters'), path.join(root, 'test/fixtures/epub-constructs/chapters'), path.join(root, 'test/fixtures/book-basic/chapters')]
    for (const dir of dirs) {
      for (const name of (await readdir(dir)).filter((n) => n.endsWith('.md'))) {
        const tree = (await reader.run(reader.parse(await readFile(path.join(dir, name), 'utf8')))) as Root
        const copy = copyTree(tree)
        expect(copy).toEqual(structuredClone(tree))
        // Deep: changing the copy's first node, its position or its data leaves the original as it was.
        const first = copy.children[0]
        if (first?.position) first.position.start.line = -1
        ;(first as { data?: unknown }).data = { changed: true }
        expect(tree.children[0]?.position?.start.line).not.toBe(-1)
        expect((tree.children[0] as { data?: unknown }).data).not.toEqual({ changed: true })
      }
    }
  })

  it('should copy values that are not plain data through structuredClone', () => {
    const when = new Date(0)
    const copy = copyTree({ type: 'root', children: [], data: { when, list: [1, { a: undefined }] } })
    expect(copy.data.when).toBeInstanceOf(Date)
    expect(copy.data.when).not.toBe(when)
    expect(copy).toEqual({ type: 'root', children: [], data: { when: new Date(0), list: [1, { a: undefined }] } })
  })
})
