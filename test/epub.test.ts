// The EPUB's structure, read back from its zip: the fixture that uses every construct, built as a user builds
// it, each document parsed as XML (as e-readers parse it), every link followed.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { crc32, inflateRawSync } from 'node:zlib'
import { DOMParser, type Document, type Element } from '@xmldom/xmldom'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build/build.js'
import { editionIdentifier } from '../src/output/epub/identifier.js'
import { root } from './helpers.js'

const fixture = path.join(root, 'test/fixtures/epub-constructs')
let out: string
let epub: Buffer
let zip: JSZip
const docs = new Map<string, Document>()

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'nlmg-epub-'))
  const report = await build({ root: fixture, outDir: out, formats: ['epub'], editions: ['teacher'] })
  expect(report.files.flatMap((f) => f.messages.map(String))).toEqual([])
  epub = await readFile(path.join(out, 'teacher/constructs.epub'))
  zip = await JSZip.loadAsync(epub)
  for (const name of Object.keys(zip.files).filter((n) => /\.(xhtml|opf|ncx)$/.test(n))) {
    docs.set(name, new DOMParser().parseFromString(await text(name), 'application/xml'))
  }
})
afterAll(() => rm(out, { recursive: true, force: true }))

const text = async (name: string) => (await zip.file(name)?.async('string')) ?? ''
const doc = (name: string) => docs.get(`OEBPS/${name}`) as Document
const all = (node: Document | Element, tag = '*') => Array.from(node.getElementsByTagName(tag)) as Element[]
const nav = (type: string) => all(doc('toc.xhtml'), 'nav').find((n) => attr(n, 'epub:type') === type) as Element
const attr = (element: Element, name: string) => element.getAttribute(name) ?? ''
const metas = (property: string) => all(doc('content.opf'), 'meta').filter((m) => attr(m, 'property') === property).map((m) => m.textContent)

describe('EPUB structure (fixture with every construct)', () => {
  it('should open with the mimetype entry, stored uncompressed, with no extra field', () => {
    expect(epub.readUInt32LE(0)).toBe(0x04034b50)
    expect(epub.readUInt16LE(8)).toBe(0)
    expect(epub.readUInt16LE(28)).toBe(0)
    expect(epub.toString('latin1', 30, 38)).toBe('mimetype')
    expect(epub.toString('latin1', 38, 58)).toBe('application/epub+zip')
    expect(Object.keys(zip.files)[0]).toBe('mimetype')
  })

  it('should list every chapter and its sections in the nav and the NCX, in reading order', () => {
    const links = all(nav('toc'), 'a').map((a) => `${attr(a, 'href')} ${a.textContent}`)
    expect(links).toEqual([
      'constructs.xhtml Every Construct',
      'constructs.xhtml#constructs-notes-and-citations Notes and citations',
      'constructs.xhtml#constructs-tables-and-lists Tables and lists',
      'constructs.xhtml#constructs-images Images',
      'constructs.xhtml#constructs-blocks Blocks',
      'glossary.xhtml Glossary',
      'glossary.xhtml#glossary-terms Terms',
      'sources.xhtml Sources',
      'sources.xhtml#sources-works-cited Works cited'
    ])
    const ncx = all(doc('toc.ncx'), 'content').map((c) => attr(c, 'src'))
    expect(ncx).toEqual(links.map((l) => l.split(' ')[0]))
    expect(all(nav('landmarks'), 'a').map((a) => `${attr(a, 'epub:type')} ${attr(a, 'href')}`)).toEqual(['cover cover.xhtml', 'toc toc.xhtml', 'bodymatter constructs.xhtml'])
  })

  it('should declare the cover image the EPUB 3 way and show it on a cover page', async () => {
    const items = all(doc('content.opf'), 'item')
    const cover = items.find((i) => attr(i, 'properties') === 'cover-image') as Element
    expect(attr(cover, 'media-type')).toBe('image/png')
    expect(await zip.file(`OEBPS/${attr(cover, 'href')}`)?.async('nodebuffer')).toEqual(await readFile(path.join(fixture, 'chapters/images/cover.png')))
    expect(all(doc('content.opf'), 'meta').some((m) => attr(m, 'name') === 'cover' && attr(m, 'content') === attr(cover, 'id'))).toBe(true)
    const img = all(doc('cover.xhtml'), 'img')[0] as Element
    expect(attr(img, 'src')).toBe(attr(cover, 'href'))
    expect(attr(img, 'alt')).toBe("Cover: the fixture's title in white on a dark ground.")
    expect(all(doc('content.opf'), 'itemref').map((i) => attr(i, 'idref'))[0]).toBe('doc-cover')
  })

  it('should carry the book metadata and schema.org accessibility metadata', () => {
    const opf = doc('content.opf')
    const dc = (name: string) => all(opf, `dc:${name}`).map((e) => e.textContent)
    // The teacher edition is its own book to a reader's library: its own identifier, its edition in the title.
    expect(dc('identifier')).toEqual([editionIdentifier('urn:uuid:2b0c5a4e-7a51-4c3e-9d8f-5e6a7b8c9d0e', 'teacher')])
    expect(dc('identifier')[0]).not.toBe('urn:uuid:2b0c5a4e-7a51-4c3e-9d8f-5e6a7b8c9d0e')
    expect(dc('title')).toEqual(['Constructs & Notes', 'An EPUB fixture that uses every construct', 'Teacher edition'])
    expect(dc('creator')).toEqual(['Test Author', 'Second Author'])
    expect([dc('language'), dc('date'), dc('publisher'), dc('subject')]).toEqual([['en-GB'], ['2024-05-01'], ['Test Press'], ['Testing', 'Film studies']])
    expect(dc('description')).toEqual(["A fixture for the EPUB tests, with every construct the guide's chapters use."])
    expect(metas('dcterms:modified')).toEqual(['2024-05-01T00:00:00Z'])
    expect(metas('schema:accessMode')).toEqual(['textual', 'visual'])
    expect(metas('schema:accessModeSufficient')).toEqual(['textual'])
    expect(metas('schema:accessibilityFeature')).toEqual(expect.arrayContaining(['structuralNavigation', 'tableOfContents', 'alternativeText', 'readingOrder']))
    expect(metas('schema:accessibilityHazard')).toEqual(['none'])
    expect(metas('schema:accessibilitySummary')[0]).toMatch(/^A short fixture with structured headings/)
  })

  it('should resolve every link with a fragment to an id in its target file', () => {
    const ids = new Map([...docs].map(([name, d]) => [name.slice('OEBPS/'.length), new Set(all(d).map((e) => attr(e, 'id')).filter(Boolean))]))
    const links: string[] = []
    for (const [name, d] of docs) {
      for (const a of all(d, 'a')) {
        const href = attr(a, 'href')
        if (/^https?:/.test(href) || !href.includes('#')) continue
        const [file, id] = href.split('#') as [string, string]
        const target = file || name.slice('OEBPS/'.length)
        links.push(href)
        expect({ from: name, href, resolves: ids.get(target)?.has(id) ?? false }).toEqual({ from: name, href, resolves: true })
      }
    }
    expect(links.filter((l) => l.includes('-fn-'))).toHaveLength(14)
    expect(links).toEqual(expect.arrayContaining(['sources.xhtml#source-film', 'glossary.xhtml#term-donor', 'glossary.xhtml#glossary-terms']))
  })

  it('should make every note reference open an EPUB 3 footnote that links back to it', () => {
    const chapter = doc('constructs.xhtml')
    const byId = new Map(all(chapter).map((e) => [attr(e, 'id'), e]))
    const refs = all(chapter, 'a').filter((a) => attr(a, 'epub:type') === 'noteref')
    expect(refs).toHaveLength(12)
    for (const ref of refs) {
      const note = byId.get(attr(ref, 'href').slice(1)) as Element
      expect([ref.parentNode?.nodeName, attr(ref, 'role'), note.nodeName, attr(note, 'epub:type'), attr(note, 'role')]).toEqual(['sup', 'doc-noteref', 'aside', 'footnote', 'doc-footnote'])
      const back = all(note, 'a').filter((a) => attr(a, 'role') === 'doc-backlink').map((a) => attr(a, 'href'))
      expect(back).toContain(`#${attr(ref, 'id')}`)
    }
    const notes = all(chapter, 'aside').map((n) => n.textContent?.trim().slice(0, 24))
    expect(notes).toEqual(['1. The Fixture Film. Fix', '2. Critic, Ann. “A Revie', '3. Novelist, Nora. The F', '4. An author’s own note,', '5. The first paragraph o'])
  })

  it('should keep what the library would drop: list starts, cell alignment, header scope, exact alternative text', async () => {
    const chapter = doc('constructs.xhtml')
    expect(all(chapter, 'ol').map((ol) => attr(ol, 'start'))).toEqual(['3'])
    expect(all(chapter, 'th').map((th) => `${attr(th, 'scope')} ${attr(th, 'style')}`)).toEqual(['col text-align: left', 'col text-align: right', 'col text-align: center'])
    expect(all(chapter, 'td').slice(0, 3).map((td) => attr(td, 'style'))).toEqual(['text-align: left', 'text-align: right', 'text-align: center'])
    const img = all(chapter, 'img')[0] as Element
    expect(attr(img, 'alt')).toBe('A grey-blue rectangle standing in for a film still, 2 < 3 & "quoted"')
    expect(await zip.file(`OEBPS/${attr(img, 'src')}`)?.async('nodebuffer')).toEqual(await readFile(path.join(fixture, 'chapters/images/still.png')))
    expect(all(chapter, 'input').map((input) => input.parentNode?.nodeName)).toEqual(['label', 'label'])
  })

  it('should store fonts and images as they are and give every entry the book date', () => {
    const methods = new Map([...zipEntries(epub)].map(([name, entry]) => [name, entry.method]))
    const binary = [...methods].filter(([name]) => /\.(woff|png)$/.test(name))
    expect(binary.length).toBe(9)
    expect(new Set(binary.map(([, method]) => method))).toEqual(new Set([0]))
    expect(methods.get('OEBPS/constructs.xhtml')).toBe(8)
    const files = Object.values(zip.files).filter((f) => !f.dir)
    expect(new Set(files.map((f) => f.date.toISOString()))).toEqual(new Set(['2024-05-01T00:00:00.000Z']))
  })

  it('should deflate every text entry into data that inflates to the size and CRC-32 the zip records', () => {
    const entries = [...zipEntries(epub)].filter(([name]) => !name.endsWith('/'))
    const text = entries.filter(([name]) => /\.(xhtml|opf|ncx|css|xml)$/.test(name))
    expect(text.length).toBeGreaterThan(5)
    expect(new Set(text.map(([, entry]) => entry.method))).toEqual(new Set([8]))
    for (const [name, entry] of entries) {
      // Node's zlib, not the JSZip that wrote the file, reads each entry's data after its local header.
      const start = entry.offset + 30 + epub.readUInt16LE(entry.offset + 26) + epub.readUInt16LE(entry.offset + 28)
      const data = epub.subarray(start, start + entry.compressedSize)
      const content = entry.method === 8 ? inflateRawSync(data) : data
      expect([name, content.length, crc32(content)]).toEqual([name, entry.size, entry.crc])
      if (entry.method === 8) expect(entry.compressedSize).toBeLessThan(entry.size)
    }
  })
})

interface ZipEntry {
  /** 0 stored, 8 deflated. */
  method: number
  crc: number
  compressedSize: number
  size: number
  /** Where the entry's local header starts. */
  offset: number
}

/** Each entry as the zip's central directory records it. */
function zipEntries(buffer: Buffer): Map<string, ZipEntry> {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const count = buffer.readUInt16LE(end + 10)
  const entries = new Map<string, ZipEntry>()
  for (let i = 0, at = buffer.readUInt32LE(end + 16); i < count; i++) {
    const nameLength = buffer.readUInt16LE(at + 28)
    entries.set(buffer.toString('utf8', at + 46, at + 46 + nameLength), {
      method: buffer.readUInt16LE(at + 10),
      crc: buffer.readUInt32LE(at + 16),
      compressedSize: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      offset: buffer.readUInt32LE(at + 42)
    })
    at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32)
  }
  return entries
}
