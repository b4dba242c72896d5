// The formatted references kept between builds: a build that reads them from the cache writes the same EPUB bytes
// as one that formats them; a changed source is formatted again however warm the cache; an entry cut short, not
// JSON or made for other input is formatted again and written over, never an error.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build/build.js'
import { cacheFolder } from '../src/core/paths.js'
import { loadCitationStyle } from '../src/project/csl-style.js'
import { loadReferences } from '../src/transform/references-cache.js'
import { formatReferences } from '../src/transform/references.js'
import { copyToTemp, root, sources } from './helpers.js'

const fixture = path.join(root, 'test/fixtures/book-basic')
let project: string
let cache: string
let cold: Buffer

beforeAll(async () => {
  project = await copyToTemp(fixture, 'nlmg-refs-cache-')
  cache = cacheFolder(project, 'references')
})
afterAll(() => rm(project, { recursive: true, force: true }))

/** Build the student EPUB into a fresh folder: its bytes, and the text of the chapter that holds the bibliography. */
async function epub(name: string) {
  const outDir = path.join(project, 'out', name)
  const report = await build({ root: project, outDir, formats: ['epub'], editions: ['student'] })
  expect(report.ok).toBe(true)
  const bytes = await readFile(path.join(outDir, 'student/fixture-book.epub'))
  const closing = (await (await JSZip.loadAsync(bytes)).file('OEBPS/closing.xhtml')?.async('string')) ?? ''
  return { bytes, closing }
}

/** The cache's entries, by name. */
const entries = async () => (await readdir(cache).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort()

describe('the references cache in a build', () => {
  it('should write the same EPUB bytes from a warm cache as from a cold one', async () => {
    const first = await epub('cold')
    cold = first.bytes
    expect(first.closing).toContain('The Fixture Film')
    expect(await entries()).toHaveLength(1)
    const warm = await epub('warm')
    expect(warm.bytes.equals(cold)).toBe(true)
    expect(await entries()).toHaveLength(1)
  })

  it('should take the references from the cache when it holds them', async () => {
    const [name] = await entries()
    const file = path.join(cache, name as string)
    const stored = await readFile(file, 'utf8')
    expect(stored).toContain('The Fixture Film')
    await writeFile(file, stored.replaceAll('The Fixture Film', 'A Film Only The Cache Knows'))
    try {
      expect((await epub('tampered')).closing).toContain('A Film Only The Cache Knows')
    } finally {
      await writeFile(file, stored)
    }
  })

  it('should format a changed source again, however warm the cache', async () => {
    const sourcesFile = path.join(project, 'chapters/sources/main.yaml')
    const before = await readFile(sourcesFile, 'utf8')
    await writeFile(sourcesFile, before.replace('title: The Fixture Film', 'title: The Renamed Film'))
    try {
      const { closing } = await epub('renamed')
      expect(closing).toContain('The Renamed Film')
      expect(closing).not.toContain('The Fixture Film')
      expect(await entries()).toHaveLength(2)
    } finally {
      await writeFile(sourcesFile, before)
    }
    expect((await epub('restored')).bytes.equals(cold)).toBe(true)
  })

  it('should format again, and write over, an entry cut short, not JSON, or made for other input', async () => {
    const before = new Map(await Promise.all((await entries()).map(async (n) => [n, await readFile(path.join(cache, n), 'utf8')] as const)))
    const [name, stored] = [...before].find(([, text]) => text.includes('The Fixture Film')) as [string, string]
    const file = path.join(cache, name)
    const otherKey = JSON.stringify({ ...JSON.parse(stored), key: '0'.repeat(64) })
    for (const broken of [stored.slice(0, stored.length / 2), 'not JSON at all', 'null', '{"key":1}', otherKey]) {
      await writeFile(file, broken)
      expect((await epub('repaired')).bytes.equals(cold)).toBe(true)
      expect(await readFile(file, 'utf8')).toBe(stored)
    }
  })
})

describe('loadReferences', () => {
  it('should give what formatReferences gives, cold and warm, in a note style and an in-text one', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nlmg-refs-unit-'))
    try {
      for (const name of ['mla', 'chicago']) {
        const style = await loadCitationStyle(name, root)
        if ('reason' in style) throw new Error(style.reason)
        const expected = formatReferences([...sources.values()], style)
        expect(await loadReferences([...sources.values()], style, dir)).toStrictEqual(expected)
        expect(await loadReferences([...sources.values()], style, dir)).toStrictEqual(expected)
      }
      expect(await readdir(dir)).toHaveLength(2)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('should still give the references when the cache cannot be written', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nlmg-refs-unit-'))
    try {
      const style = await loadCitationStyle('mla', root)
      if ('reason' in style) throw new Error(style.reason)
      // A folder inside a file can be neither read nor made.
      await writeFile(path.join(dir, 'a-file'), '')
      const references = await loadReferences([...sources.values()], style, path.join(dir, 'a-file', 'references'))
      expect(references).toStrictEqual(formatReferences([...sources.values()], style))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
