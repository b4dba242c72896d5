// Byte-identical EPUBs for identical input: wherever the project sits and whatever the time zone; only the
// book's date or SOURCE_DATE_EPOCH sets the timestamps.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildOptions } from '../src/build/build.js'
import { root } from './helpers.js'

const fixture = path.join(root, 'test/fixtures/epub-constructs')
let work: string

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'nlmg-epub-repro-'))
})
afterAll(() => rm(work, { recursive: true, force: true }))

async function epubOf(name: string, options: Omit<BuildOptions, 'outDir'>): Promise<Buffer> {
  const outDir = path.join(work, name)
  const report = await build({ formats: ['epub'], editions: ['student'], ...options, outDir })
  expect(report.ok).toBe(true)
  return readFile(path.join(outDir, 'student/constructs.epub'))
}

describe('reproducible EPUB', () => {
  it('should give the same bytes for the same book built twice, from another folder, in another time zone', async () => {
    const first = await epubOf('first', { root: fixture })
    const copy = path.join(work, 'elsewhere/book')
    await cp(fixture, copy, { recursive: true })
    const zone = process.env.TZ
    process.env.TZ = 'Pacific/Auckland'
    try {
      const second = await epubOf('second', { root: copy })
      expect(second.equals(first)).toBe(true)
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
    expect(first.length).toBeGreaterThan(100_000)
  })

  it('should take every timestamp from SOURCE_DATE_EPOCH when it is given', async () => {
    const plain = await epubOf('plain', { root: fixture })
    const pinned = await epubOf('pinned', { root: fixture, sourceDateEpoch: 1_700_000_000 })
    expect(pinned.equals(plain)).toBe(false)
    const zip = await JSZip.loadAsync(pinned)
    const dates = new Set(Object.values(zip.files).map((f) => f.date.toISOString()))
    expect(dates).toEqual(new Set(['2023-11-14T22:13:20.000Z']))
    expect(await zip.file('OEBPS/content.opf')?.async('string')).toContain('<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>')
  })
})
