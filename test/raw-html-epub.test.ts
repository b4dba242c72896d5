// Raw HTML that GitHub's allow-list lets through must give a valid EPUB or be refused where it stands: obsolete
// presentation (`align`, `valign`, `width`) is refused with a located message and a non-zero build; what is
// allowed (a figure with line breaks, a cell aligned by a Markdown table or by `align`) gives an EPUB epubcheck passes.
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../src/build/build.js'
import { copyToTemp, matter, processChapter, root } from './helpers.js'
import { epubcheck } from './tools.js'

const project = await copyToTemp(path.join(root, 'test/fixtures/book-basic'), 'nlmg-raw-html-')
afterAll(() => rm(project, { recursive: true, force: true }))

const chapter = (body: string) => `${matter().replace('title: A Chapter', 'title: Raw HTML')}## Raw\n\n${body}`

describe('raw HTML in an EPUB', () => {
  it('should refuse align, valign and width where they stand, saying what to do instead', async () => {
    const { errors, file } = await processChapter(chapter('<p align="center">Centred.</p>\n\n<table width="80%"><tr><td valign="top">x</td></tr></table>\n'))
    expect(errors).toEqual(['9:1 unsafe-html', '11:1 unsafe-html', '11:24 unsafe-html'])
    expect(file.messages[0]?.reason).toMatch(/^Attribute `align` on `<p>` is obsolete HTML that an EPUB may not hold: align a table's columns with the colons of a Markdown table/)
  })

  it('should fail the build and write nothing when such an attribute is used', async () => {
    await writeFile(path.join(project, 'chapters/03-raw.md'), chapter('<div align="right">Right.</div>\n'))
    const out = path.join(project, 'refused')
    const report = await build({ root: project, outDir: out, formats: ['epub'], editions: ['student'] })
    expect(report.ok).toBe(false)
    expect(report.written).toEqual([])
  })

  it('should give an EPUB that epubcheck passes for the raw HTML it keeps', async () => {
    await writeFile(
      path.join(project, 'chapters/03-raw.md'),
      chapter('<figure>A line<br><br>Another line<figcaption>Two lines<br><br>of caption</figcaption></figure>\n\n| Left | Right |\n| :-- | --: |\n| a | b |\n\n<table><tr><th align="left" scope="col">H</th></tr><tr><td align="right" colspan="1">c</td></tr></table>\n\nLine<br>break, <abbr title="British Film Institute">BFI</abbr>, <time datetime="2010-09-15">15 September</time> :cite[film].\n')
    )
    const out = path.join(project, 'kept')
    const report = await build({ root: project, outDir: out, formats: ['epub'], editions: ['student'] })
    expect(report.files.flatMap((f) => f.messages.filter((m) => m.fatal).map((m) => m.reason))).toEqual([])
    const result = await epubcheck(path.join(out, 'student/fixture-book.epub'))
    expect({ fatals: result.fatals, errors: result.errors, warnings: result.warnings }).toEqual({ fatals: 0, errors: 0, warnings: 0 })
  }, 60_000)
})
