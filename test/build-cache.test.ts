// Builds with the cache, as the command line runs them: the same bytes and messages as a build without it,
// an edited chapter processed again (and only it), and nothing stale about the files a chapter uses.
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { build } from '../src/build/build.js'
import { copyToTemp, root } from './helpers.js'

let book: string

beforeEach(async () => {
  book = await copyToTemp(path.join(root, 'test/fixtures/epub-constructs'), 'nlmg-build-cache-')
})
afterEach(() => rm(book, { recursive: true, force: true }))

const cacheDir = () => path.join(book, '.cache/nlmg')

async function epub(name: string, cache = true) {
  const outDir = path.join(book, 'out', name)
  const report = await build({ root: book, outDir, formats: ['epub'], cacheDir: cache ? cacheDir() : undefined })
  const messages = report.files.flatMap((f) => f.messages.map((m) => `${path.basename(f.path)}:${m.line}:${m.column} ${m.ruleId} ${m.fatal} ${m.reason}`))
  const bytes = report.ok ? await Promise.all(['student', 'teacher'].map((e) => readFile(path.join(outDir, e, 'constructs.epub')))) : []
  return { report, messages, bytes }
}

/** Each entry's modification time, by name. */
async function entries(): Promise<Map<string, number>> {
  const names = await readdir(cacheDir())
  return new Map(await Promise.all(names.map(async (n) => [n, (await stat(path.join(cacheDir(), n))).mtimeMs] as [string, number])))
}

describe('build with the chapter cache', () => {
  it('should give the same EPUBs and messages from a warm cache as with none, reading every entry back', async () => {
    // A source no chapter cites: a warning the book-wide checks give on every build, cached or not.
    const bibliography = path.join(book, 'chapters/sources/fixture.yaml')
    await writeFile(bibliography, `${await readFile(bibliography, 'utf8')}\n- id: unused\n  kind: other\n  title: Never Cited\n`)
    const none = await epub('none', false)
    const cold = await epub('cold')
    const written = await entries()
    const warm = await epub('warm')
    expect(none.report.ok).toBe(true)
    expect(none.messages).toEqual([expect.stringMatching(/^fixture\.yaml:\d+:1 source-unused false/)])
    for (const run of [cold, warm]) {
      expect(run.messages).toEqual(none.messages)
      run.bytes.forEach((b, i) => expect(b.equals(none.bytes[i] as Buffer)).toBe(true))
    }
    // Three chapters, two editions, the processed chapter and its XHTML, and the bibliography.
    expect([...written.keys()].sort()).toContain('01-constructs.student.epub.v8')
    expect(written.size).toBe(3 * 2 * 2 + 1)
    // A hit is read, not written again.
    expect(await entries()).toEqual(written)
  })

  it('should process an edited chapter again, and only that one', async () => {
    await epub('cold')
    const before = await entries()
    const glossary = path.join(book, 'chapters/02-glossary.md')
    await writeFile(glossary, (await readFile(glossary, 'utf8')).replace('Someone who gives', 'Someone who donates'))
    const { report, bytes } = await epub('edited')
    expect(report.ok).toBe(true)
    const zip = await JSZip.loadAsync(bytes[0] as Buffer)
    expect(await zip.file('OEBPS/glossary.xhtml')?.async('string')).toContain('Someone who donates')
    const after = await entries()
    const changed = [...after].filter(([name, time]) => before.get(name) !== time).map(([name]) => name)
    // Its ids are the same, so the other chapters' XHTML still holds.
    expect(changed.sort()).toEqual(['02-glossary.student.epub.v8', '02-glossary.student.v8', '02-glossary.teacher.epub.v8', '02-glossary.teacher.v8'])
  })

  it('should report an image that went missing since the last build', async () => {
    await epub('cold')
    await rm(path.join(book, 'chapters/images/still.png'))
    const { report, messages } = await epub('after')
    expect(report.ok).toBe(false)
    expect(messages.some((m) => m.startsWith('01-constructs.md:48:1 image-missing true'))).toBe(true)
  })

  it('should drop the entries of a chapter the book no longer has', async () => {
    await epub('cold')
    await rm(path.join(book, 'chapters/02-glossary.md'))
    await epub('after')
    expect([...(await entries()).keys()].filter((n) => n.startsWith('02-'))).toEqual([])
  })
})
