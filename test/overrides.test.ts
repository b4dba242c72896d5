// A guide outside the package overrides single files: one template, one style, some labels; everything else comes
// from the package. Without a cover of its own it gets one drawn from its title; its medium sets the wording.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build/build.js'
import { loadLabels } from '../src/project/labels.js'
import { root } from './helpers.js'

let work: string
let zip: JSZip

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'nlmg-override-'))
  const guide = path.join(work, 'guide')
  await cp(path.join(root, 'test/fixtures/book-basic'), guide, { recursive: true })
  const yaml = (await readFile(path.join(guide, 'book.yaml'), 'utf8'))
    .replace(/^cover:.*\n/m, '')
    .replace(/^coverAlt:.*\n/m, '')
    .replace(/^medium: film$/m, 'medium: novel\nlabels:\n  question: Think about it')
  await writeFile(path.join(guide, 'book.yaml'), yaml)
  await mkdir(path.join(guide, 'templates/partials'), { recursive: true })
  await mkdir(path.join(guide, 'styles'))
  const cover = await readFile(path.join(root, 'templates/partials/epub-cover.hbs'), 'utf8')
  await writeFile(path.join(guide, 'templates/partials/epub-cover.hbs'), cover.replace('<img', '<p>Our own cover page</p><img'))
  await writeFile(path.join(guide, 'templates/labels.json'), JSON.stringify({ answer: 'What to look for' }))
  await writeFile(path.join(guide, 'styles/epub.css'), 'body { color: #111; } /* our own style */\n')
  const out = path.join(work, 'out')
  const report = await build({ root: guide, outDir: out, formats: ['epub'], editions: ['teacher'] })
  expect(report.files.flatMap((f) => f.messages.filter((m) => m.fatal).map(String))).toEqual([])
  zip = await JSZip.loadAsync(await readFile(path.join(out, 'teacher/fixture-book.epub')))
})
afterAll(() => rm(work, { recursive: true, force: true }))

const text = async (name: string) => (await zip.file(name)?.async('string')) ?? ''
const documents = async () => (await Promise.all(Object.keys(zip.files).filter((n) => n.endsWith('.xhtml')).map(text))).join('\n')

describe('a guide with its own templates/ and styles/ holding one file each', () => {
  it('uses its own file and the package’s for every other', async () => {
    expect(await text('OEBPS/cover.xhtml')).toContain('Our own cover page')
    expect(await text('OEBPS/style.css')).toContain('/* our own style */')
    expect(await text('OEBPS/toc.xhtml')).toContain('Opening Chapter')
  })

  it('takes labels from its labels.json and book.yaml, over the package’s', async () => {
    const all = await documents()
    expect(all).toContain('What to look for')
    expect(all).toContain('Think about it')
    expect(all).not.toContain('Answer guidance')
  })

  it('says “read the novel”, never the film, with `medium: novel`', async () => {
    const all = await documents()
    expect(all).toMatch(/read the novel|novel reveals/)
    expect(all).not.toMatch(/the film yet|watch it first|film reveals|Before viewing/)
  })

  it('gets a cover drawn from its title when book.yaml names none', async () => {
    const svg = Object.keys(zip.files).find((n) => /^OEBPS\/images\/cover-[0-9a-f]{8}\.svg$/.test(n)) as string
    expect(svg).toBeDefined()
    expect(await text(svg)).toContain('Fixture Book')
    expect(await text('OEBPS/content.opf')).toMatch(/properties="cover-image"[^>]*|cover-image/)
    expect(await text('OEBPS/cover.xhtml')).toContain('alt="Cover: Fixture Book, A tiny book that uses every construct"')
  })
})

describe('the package’s labels', () => {
  it('fill in each medium’s words', async () => {
    const film = await loadLabels(path.join(root, 'templates'), { medium: 'film' })
    expect(film.spoilerChapter).toContain('If you have not seen the film yet, watch it first.')
    expect(film.beforeViewing).toBe('Before viewing')
    const play = await loadLabels(path.join(root, 'templates'), { medium: 'play' })
    expect(play.beforeViewing).toBe('Before reading')
    expect(play.spoilerNone).toContain('see or read the play')
  })
})
