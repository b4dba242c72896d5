// A chapter title written with Markdown (`What *Is* a Clone?`): emphasis in the chapter's heading, plain text
// everywhere else a title appears (EPUB navigation and metadata, web pages, contents), never its asterisks.
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import JSZip from 'jszip'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../src/build/build.js'
import { copyToTemp, matter, processChapter, root } from './helpers.js'

const project = await copyToTemp(path.join(root, 'test/fixtures/book-basic'), 'nlmg-title-')
afterAll(() => rm(project, { recursive: true, force: true }))

describe('a title written in Markdown', () => {
  it('should set its emphasis in the heading and keep its plain text for every other use', async () => {
    const { html, file } = await processChapter(matter().replace('title: A Chapter', 'title: What *Is* a Clone?'))
    expect(html).toContain('<h1 id="chap">What <em>Is</em> a Clone?</h1>')
    expect(file.data.matter?.title).toBe('What Is a Clone?')
    // A title Markdown would read as a list stays as it is.
    expect((await processChapter(matter().replace('title: A Chapter', 'title: "1. Introduction"'))).html).toContain('<h1 id="chap">1. Introduction</h1>')
  })

  it('should print no asterisk in the EPUB navigation or the web pages', async () => {
    const chapter = path.join(project, 'chapters/01-opening.md')
    await writeFile(chapter, (await readFile(chapter, 'utf8')).replace('title: Opening Chapter', 'title: The Opening *Is* Here'))
    const out = path.join(project, 'out')
    const report = await build({ root: project, outDir: out, formats: ['epub', 'web'], editions: ['student'] })
    expect(report.ok).toBe(true)
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'student/fixture-book.epub')))
    const nav = await zip.file('OEBPS/toc.xhtml')?.async('string')
    const page = await zip.file('OEBPS/opening.xhtml')?.async('string')
    expect(nav).toContain('The Opening Is Here')
    expect(page).toContain('<title>The Opening Is Here</title>')
    expect(page).toContain('The Opening <em>Is</em> Here</h1>')
    const web = await readFile(path.join(out, 'student/web/opening.html'), 'utf8')
    expect(web).toContain('<title>The Opening Is Here')
    expect([nav, page, web].join('')).not.toContain('*Is*')
  }, 60_000)
})
