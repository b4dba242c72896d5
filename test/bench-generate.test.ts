// The benchmark's synthetic book generator: its projects must pass the real build's checks, use every
// construct the guide uses, hold the words asked for, and come out the same on every run.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Root } from 'mdast'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateBook } from '../scripts/bench/generate.js'
import { build } from '../src/build/build.js'

let work: string
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'nlmg-bench-generate-'))
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

/** Every node type, directive name and heading depth in a chapter, from the real Markdown parser. */
async function constructs(file: string): Promise<Set<string>> {
  const tree = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkDirective).parse(await readFile(file, 'utf8')) as Root
  const found = new Set<string>()
  visit(tree, (node) => {
    found.add(node.type)
    if ('name' in node) found.add(`${node.type}:${node.name}`)
    if (node.type === 'heading') found.add(`h${node.depth}`)
  })
  return found
}

describe('generateBook', () => {
  it('should write a project that the real build checks with no message at all', async () => {
    const book = await generateBook({ dir: path.join(work, 'check'), chapters: 3, words: 3000 })
    const report = await build({ root: book.root, checkOnly: true })
    expect(report.files.flatMap((f) => f.messages.map(String))).toEqual([])
    expect(report.ok).toBe(true)
    expect(report.chapters.map((c) => c.slug)).toEqual(book.chapters.map((c) => c.slug))
  })

  it('should use every construct the guide uses', async () => {
    const book = await generateBook({ dir: path.join(work, 'constructs'), chapters: 2, words: 2000 })
    const [first, last] = await Promise.all(book.chapters.map((c) => constructs(path.join(book.root, 'chapters', c.file))))
    for (const expected of ['yaml', 'h2', 'h3', 'table', 'footnoteReference', 'footnoteDefinition', 'image', 'listItem']) {
      expect(first, expected).toContain(expected)
    }
    for (const name of ['spoiler', 'callout', 'quote', 'question', 'answer', 'activity', 'teacher', 'definition']) {
      expect(first, name).toContain(`containerDirective:${name}`)
    }
    expect(first).toContain('textDirective:cite')
    expect(last).toContain('textDirective:term')
    expect(last).toContain('link')
    expect(last).toContain('leafDirective:sources')
    expect(first).not.toContain('leafDirective:sources')
  })

  it('should hold the words asked for, as the build counts them, at any size', async () => {
    const sizes = [
      { chapters: 2, words: 3000 },
      { chapters: 6, words: 9000 }
    ]
    const counted: number[] = []
    for (const size of sizes) {
      const book = await generateBook({ dir: path.join(work, `words-${size.chapters}`), ...size })
      const report = await build({ root: book.root, checkOnly: true, stats: true })
      const words = report.chapters.reduce((n, c) => n + c.words, 0)
      expect(Math.abs(words - size.words) / size.words).toBeLessThan(0.03)
      for (const chapter of report.chapters) expect(Math.abs(chapter.words - 1500)).toBeLessThan(100)
      counted.push(words)
    }
    expect((counted[1] as number) / (counted[0] as number)).toBeCloseTo(3, 1)
  })

  it('should write the same bytes for the same seed, and other text for another seed', async () => {
    const read = async (dir: string) => {
      const names = (await readdir(path.join(dir, 'chapters'))).filter((n) => n.endsWith('.md'))
      return Promise.all(names.map((n) => readFile(path.join(dir, 'chapters', n), 'utf8')))
    }
    const a = await generateBook({ dir: path.join(work, 'seed-a'), chapters: 2, words: 1000, seed: 7 })
    const b = await generateBook({ dir: path.join(work, 'seed-b'), chapters: 2, words: 1000, seed: 7 })
    const c = await generateBook({ dir: path.join(work, 'seed-c'), chapters: 2, words: 1000, seed: 8 })
    expect(await read(b.root)).toEqual(await read(a.root))
    expect(await read(c.root)).not.toEqual(await read(a.root))
  })
})
