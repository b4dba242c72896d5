// The chapter cache on its own: what it keeps comes back whole, and anything the chapter depends on that
// changed (its text, its edition, the settings, an image) makes it process the chapter again.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Root } from 'hast'
import { VFile } from 'vfile'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openBuildCache } from '../src/book/build-cache.js'
import { chapterCache } from '../src/book/chapter-cache.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nlmg-cache-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const tree: Root = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: { id: 'one-a' }, children: [{ type: 'text', value: 'Hello' }] }] }

function chapter(text = '# Hello\n', images: string[] = []) {
  const file = new VFile({ path: path.join(dir, 'chapters/01-one.md'), value: text, data: { slug: 'one', order: 1 } })
  file.data.ids = ['one-a']
  file.data.images = images
  return { file, tree: structuredClone(tree) }
}

/** Keep `kept` with `settings`, then open the cache afresh (as the next build does) and look for `wanted`. */
async function roundTrip(kept: ReturnType<typeof chapter>, wanted: VFile, options: { settings?: unknown; edition?: 'student' | 'teacher' } = {}) {
  const first = await openBuildCache(path.join(dir, 'cache'))
  chapterCache(first, { labels: 'a' }).set(kept, 'student')
  await first.flush(() => true)
  const next = chapterCache(await openBuildCache(path.join(dir, 'cache')), options.settings ?? { labels: 'a' })
  return next.get(wanted, options.edition ?? 'student')
}

describe('chapterCache', () => {
  it('should give back a kept chapter with its data, its messages and its tree', async () => {
    const kept = chapter()
    const warning = kept.file.message('A warning', { place: { line: 3, column: 2 }, ruleId: 'some-rule', source: 'nlmg' })
    warning.url = 'https://example.org/rule'
    const back = await roundTrip(kept, chapter().file)
    expect(back?.file.data).toEqual(kept.file.data)
    expect(back?.file.messages.map((m) => [m.reason, m.line, m.column, m.ruleId, m.source, m.fatal, m.url])).toEqual([['A warning', 3, 2, 'some-rule', 'nlmg', false, 'https://example.org/rule']])
    expect(back?.tree).toEqual(tree)
  })

  it('should not give back a chapter whose text, edition or settings changed', async () => {
    expect(await roundTrip(chapter(), chapter('# Hello!\n').file)).toBeUndefined()
    expect(await roundTrip(chapter(), chapter().file, { edition: 'teacher' })).toBeUndefined()
    expect(await roundTrip(chapter(), chapter().file, { settings: { labels: 'b' } })).toBeUndefined()
    expect(await roundTrip(chapter(), chapter().file)).toBeDefined()
  })

  it('should not keep a chapter with errors, so its checks run again', async () => {
    const kept = chapter()
    kept.file.message('Broken', { ruleId: 'link-broken', source: 'nlmg' }).fatal = true
    expect(await roundTrip(kept, chapter().file)).toBeUndefined()
  })

  it('should not give back a chapter whose image changed or went', async () => {
    const image = path.join(dir, 'still.png')
    await writeFile(image, 'first')
    expect(await roundTrip(chapter('x', [image]), chapter('x', [image]).file)).toBeDefined()
    const kept = chapter('x', [image])
    const first = await openBuildCache(path.join(dir, 'cache'))
    chapterCache(first, {}).set(kept, 'student')
    await first.flush(() => true)
    await writeFile(image, 'second, longer')
    const next = chapterCache(await openBuildCache(path.join(dir, 'cache')), {})
    expect(await next.get(chapter('x', [image]).file, 'student')).toBeUndefined()
    await rm(image)
    expect(await next.get(chapter('x', [image]).file, 'student')).toBeUndefined()
  })

  it('should treat a damaged entry as missing', async () => {
    const cache = await openBuildCache(path.join(dir, 'cache'))
    chapterCache(cache, {}).set(chapter(), 'student')
    await cache.flush(() => true)
    await writeFile(path.join(dir, 'cache/01-one.student.v8'), 'not an entry')
    expect(await chapterCache(await openBuildCache(path.join(dir, 'cache')), {}).get(chapter().file, 'student')).toBeUndefined()
  })

  it('should keep what an output makes of a chapter, and make it again when what it depends on changes', async () => {
    const store = await openBuildCache(path.join(dir, 'cache'))
    const cache = chapterCache(store, {})
    const made: string[] = []
    const derive = (value: string) => () => (made.push(value), value)
    const derived = async (text: string, book: string, value: string) => {
      const result = await cache.derived(chapter(text).file, 'student', 'epub', [book], derive(value))
      await store.flush(() => true)
      return result
    }
    expect(await derived('# Hello\n', 'book-1', 'first')).toBe('first')
    expect(await derived('# Hello\n', 'book-1', 'again')).toBe('first')
    expect(await derived('# Hello\n', 'book-2', 'other ids')).toBe('other ids')
    expect(await derived('# Changed\n', 'book-2', 'other text')).toBe('other text')
    expect(made).toEqual(['first', 'other ids', 'other text'])
  })
})
