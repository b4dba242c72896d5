// The EPUB judged by the tools publishers and e-book stores use: epubcheck (0 errors, 0 warnings) and DAISY
// Ace (no accessibility violations), on the fixture that uses every construct, in both editions.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { DOMParser, type Element } from '@xmldom/xmldom'
import type { Root } from 'hast'
import { h } from 'hastscript'
import JSZip from 'jszip'
import { visit } from 'unist-util-visit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build/build.js'
import { buildEpub } from '../src/output/epub/epub.js'
import { createTemplates } from '../src/render/templates.js'
import { ace } from './ace.js'
import { processProject, root } from './helpers.js'
import { epubcheck } from './tools.js'

const fixture = path.join(root, 'test/fixtures/epub-constructs')
let out: string

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'nlmg-epub-check-'))
  const report = await build({ root: fixture, outDir: out, formats: ['epub'] })
  expect(report.ok).toBe(true)
})
afterAll(() => rm(out, { recursive: true, force: true }))

const clean = (result: { fatals: number; errors: number; warnings: number }) => ({ fatals: result.fatals, errors: result.errors, warnings: result.warnings })

describe('EPUB validators (fixture with every construct)', () => {
  for (const edition of ['student', 'teacher']) {
    it(`should pass epubcheck with no errors and no warnings (${edition})`, async () => {
      expect(clean(await epubcheck(path.join(out, `${edition}/constructs.epub`)))).toEqual({ fatals: 0, errors: 0, warnings: 0 })
    })

    it(`should pass DAISY Ace with no violations and its accessibility metadata present (${edition})`, async () => {
      const report = await ace(path.join(out, `${edition}/constructs.epub`))
      expect(report.violations).toEqual([])
      expect(report.outcome).toBe('pass')
      expect(report.metadata.present).toEqual(expect.arrayContaining(['schema:accessMode', 'schema:accessibilityFeature', 'schema:accessibilityHazard', 'schema:accessibilitySummary', 'schema:accessModeSufficient']))
    })
  }
})

describe('EPUB with a decorative image, teacher edition', () => {
  let file: string
  beforeAll(async () => {
    // Markdown cannot mark an image decorative (remark-links refuses an empty alt), so one is put into the
    // processed tree, where remark-links would leave it once it accepts decorative images.
    const { config, labels, chapters } = await processProject(fixture, 'teacher')
    addDecorativeImage(chapters[0]?.tree as Root, pathToFileURL(path.join(config.chaptersDir, 'images/divider.png')).href)
    file = path.join(out, 'decorative.epub')
    await writeFile(file, await buildEpub({ config, labels, chapters, templates: createTemplates(config.templateDirs), edition: 'teacher' }))
  })

  it('should keep the empty alternative text of a decorative image', async () => {
    const zip = await JSZip.loadAsync(await readFile(file))
    const xhtml = new DOMParser().parseFromString((await zip.file('OEBPS/constructs.xhtml')?.async('string')) ?? '', 'application/xml')
    const images = Array.from(xhtml.getElementsByTagName('img')) as Element[]
    expect(images.map((img) => [img.getAttribute('src')?.replace(/-[0-9a-f]{8}\./, '-HASH.'), img.getAttribute('alt')])).toEqual([
      ['images/still-HASH.png', 'A grey-blue rectangle standing in for a film still, 2 < 3 & "quoted"'],
      ['images/divider-HASH.png', '']
    ])
  })

  it('should pass epubcheck and Ace, with its own identifier and edition title', async () => {
    expect(clean(await epubcheck(file))).toEqual({ fatals: 0, errors: 0, warnings: 0 })
    expect((await ace(file)).violations).toEqual([])
    const zip = await JSZip.loadAsync(await readFile(file))
    const opf = new DOMParser().parseFromString((await zip.file('OEBPS/content.opf')?.async('string')) ?? '', 'application/xml')
    const dc = (name: string) => Array.from(opf.getElementsByTagName(`dc:${name}`)).map((e) => e.textContent)
    expect(dc('identifier')).toEqual(['urn:uuid:fe505786-8133-51a4-85cf-28e0899a8650'])
    expect(dc('title')).toEqual(['Constructs & Notes', 'An EPUB fixture that uses every construct', 'Teacher edition'])
  })
})

function addDecorativeImage(tree: Root, src: string) {
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'p' || !node.children.some((c) => c.type === 'element' && c.tagName === 'img') || !parent || index === undefined) return
    parent.children.splice(index + 1, 0, h('p', [h('img', { src, alt: '' })]))
    return false
  })
}
