// Citations in the style the book chooses: citeproc formats a film, a book and a newspaper review as MLA 9 and
// APA 7 prescribe; a BibTeX entry and the same source as CSL-JSON give the same reference; the guide's own
// "How to cite" line follows the style.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Element } from 'hast'
import { toHtml } from 'hast-util-to-html'
import type { PhrasingContent } from 'mdast'
import { toHast } from 'mdast-util-to-hast'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/project/config.js'
import { loadCitationStyle } from '../src/project/csl-style.js'
import type { CslItem } from '../src/project/csl.js'
import { loadSources } from '../src/project/sources.js'
import { createTemplates } from '../src/render/templates.js'
import { imprintTexts } from '../src/render/front-matter.js'
import { loadLabels } from '../src/project/labels.js'
import { formatReferences } from '../src/transform/references.js'
import JSZip from 'jszip'
import { build } from '../src/build/build.js'
import { copyToTemp, root } from './helpers.js'

const film: CslItem = { id: 'film', type: 'motion_picture', title: 'Never Let Me Go', director: [{ family: 'Romanek', given: 'Mark' }], publisher: 'Fox Searchlight Pictures', medium: 'Film', issued: { 'date-parts': [[2010]] } }
const novel: CslItem = { id: 'novel', type: 'book', title: 'Never Let Me Go', author: [{ family: 'Ishiguro', given: 'Kazuo' }], publisher: 'Faber and Faber', issued: { 'date-parts': [[2005]] } }
const review: CslItem = {
  id: 'review',
  type: 'article-newspaper',
  title: 'Never Let Me Go – review',
  author: [{ family: 'Bradshaw', given: 'Peter' }],
  'container-title': 'The Guardian',
  issued: { 'date-parts': [[2011, 2, 10]] },
  URL: 'https://www.theguardian.com/film/2011/feb/10/never-let-me-go-review'
}
const url = review.URL as string
/** A journal article as Zotero exports it to CSL-JSON. */
const article = { id: 'shaddox-2013', type: 'article-journal', title: 'Generic Considerations in Ishiguro’s Never Let Me Go', author: [{ family: 'Shaddox', given: 'Karl' }], 'container-title': 'Human Rights Quarterly', volume: '35', issue: '2', page: '448-469', issued: { 'date-parts': [[2013]] }, DOI: '10.1353/hrq.2013.0026' }

/** Phrasing as HTML, the way a reader sees the emphasis. */
const html = (content: PhrasingContent[] | undefined) => toHtml((toHast({ type: 'paragraph', children: content ?? [] }) as Element).children)

async function format(style: string, items: CslItem[] = [film, novel, review]) {
  const csl = await loadCitationStyle(style, root)
  if ('reason' in csl) throw new Error(csl.reason)
  const references = formatReferences(items, csl)
  return { order: [...references.entries.keys()], entry: (id: string) => html(references.entries.get(id)), note: (id: string) => html(references.notes.get(id)) }
}

describe('citation styles', () => {
  it('should format a film, a book and a newspaper review as MLA 9 prescribes, sorted by author or title', async () => {
    const mla = await format('mla')
    expect(mla.entry('film')).toBe('<em>Never Let Me Go</em>. Directed by Mark Romanek, Fox Searchlight Pictures, 2010. Film.')
    expect(mla.entry('novel')).toBe('Ishiguro, Kazuo. <em>Never Let Me Go</em>. Faber and Faber, 2005.')
    expect(mla.entry('review')).toBe(`Bradshaw, Peter. “Never Let Me Go – Review.” <em>The Guardian</em>, 10 Feb. 2011, <a href="${url}">${url}</a>.`)
    expect(mla.order).toEqual(['review', 'novel', 'film'])
  })

  it('should change the reference list as APA 7 prescribes: initials, the year after the author, the director credited', async () => {
    const apa = await format('apa')
    expect(apa.entry('film')).toBe('Romanek, M. (Director). (2010). <em>Never Let Me Go</em> [Film]. Fox Searchlight Pictures.')
    expect(apa.entry('novel')).toBe('Ishiguro, K. (2005). <em>Never Let Me Go</em>. Faber and Faber.')
    expect(apa.entry('review')).toBe(`Bradshaw, P. (2011, February 10). Never Let Me Go – review. <em>The Guardian</em>. <a href="${url}">${url}</a>`)
    expect(apa.order).toEqual(['review', 'novel', 'film'])
  })

  it('should give an in-text style note the entry without its address, and a note style its own note form', async () => {
    expect((await format('mla')).note('review')).toBe('Bradshaw, Peter. “Never Let Me Go – Review.” <em>The Guardian</em>, 10 Feb. 2011.')
    const chicago = await format('chicago')
    expect(chicago.note('novel')).toBe('Kazuo Ishiguro, <em>Never Let Me Go</em> (Faber and Faber, 2005).')
    expect(chicago.entry('novel')).toBe('Ishiguro, Kazuo. <em>Never Let Me Go</em>. Faber and Faber, 2005.')
  })

  it('should format a source from BibTeX exactly as the same source from CSL-JSON', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nlmg-styles-'))
    try {
      await writeFile(path.join(dir, 'zotero.json'), JSON.stringify([{ ...novel, id: 'ishiguro-2005' }, article]))
      await writeFile(
        path.join(dir, 'library.bib'),
        '@book{ishiguro-2005-bib,\n  author = {Ishiguro, Kazuo},\n  title = {Never Let Me Go},\n  publisher = {Faber and Faber},\n  year = {2005}\n}\n' +
          '@article{shaddox-2013-bib,\n  author = {Shaddox, Karl},\n  title = {Generic Considerations in Ishiguro’s Never Let Me Go},\n  journal = {Human Rights Quarterly},\n  volume = {35},\n  number = {2},\n  pages = {448--469},\n  year = {2013},\n  doi = {10.1353/hrq.2013.0026}\n}\n'
      )
      const { sources, files } = await loadSources(dir)
      expect(files.flatMap((f) => f.messages)).toEqual([])
      // Each formatted alone: in one list, MLA would write "———." for the second of two entries by one author.
      const alone = async (style: string, id: string) => (await format(style, [{ ...(sources.get(id) as CslItem), id: 'x' }])).entry('x')
      for (const style of ['mla', 'apa']) {
        expect(await alone(style, 'ishiguro-2005-bib')).toBe(await alone(style, 'ishiguro-2005'))
        expect(await alone(style, 'shaddox-2013-bib')).toBe(await alone(style, 'shaddox-2013'))
      }
      expect(await alone('mla', 'ishiguro-2005-bib')).toBe('Ishiguro, Kazuo. <em>Never Let Me Go</em>. Faber and Faber, 2005.')
      expect(await alone('apa', 'shaddox-2013-bib')).toContain('<em>Human Rights Quarterly</em>, <em>35</em>(2), 448–469')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('should write "How to cite this guide" in the chosen style', async () => {
    const { config } = await loadConfig(path.join(root, 'test/fixtures/book-basic'))
    if (!config) throw new Error('fixture config')
    const labels = await loadLabels(path.join(root, 'templates'))
    const templates = createTemplates(path.join(root, 'templates'))
    const mla = imprintTexts(templates, config, labels, 'Student edition').citation
    expect(mla).toBe('Test Author. <em>Fixture Book: A Tiny Book That Uses Every Construct</em>. Student edition, Test Press, 2024.')
    const apa = imprintTexts(templates, { ...config, csl: { name: 'apa' } }, labels, 'Student edition').citation
    expect(apa).toBe('Test Author. (2024). <em>Fixture Book: A tiny book that uses every construct</em> (Student edition). Test Press.')
  })

  it('should refuse a style it cannot read, at the `citationStyle` key', async () => {
    expect(await loadCitationStyle('nowhere.csl', root)).toEqual({ reason: expect.stringContaining('mla, apa, chicago, harvard') })
    const project = await copyToTemp(path.join(root, 'test/fixtures/book-basic'), 'nlmg-style-')
    try {
      const before = await readFile(path.join(project, 'book.yaml'), 'utf8')
      await writeFile(path.join(project, 'book.yaml'), `${before}citationStyle: styles/nowhere.csl\n`)
      const line = before.split('\n').length
      const { config, file } = await loadConfig(project)
      expect(config).toBeUndefined()
      expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([`${line}:1 citation-style`])
    } finally {
      await rm(project, { recursive: true, force: true })
    }
  })

  it('should print the bibliography of a built book in the style book.yaml names', async () => {
    const project = await copyToTemp(path.join(root, 'test/fixtures/book-basic'), 'nlmg-style-')
    try {
      const sourcesPage = async (style: string) => {
        await writeFile(path.join(project, 'book.yaml'), `${(await readFile(path.join(project, 'book.yaml'), 'utf8')).replace(/citationStyle: .*\n/, '')}citationStyle: ${style}\n`)
        const out = path.join(project, `out-${style}`)
        expect((await build({ root: project, outDir: out, formats: ['epub'], editions: ['student'] })).ok).toBe(true)
        const zip = await JSZip.loadAsync(await readFile(path.join(out, 'student/fixture-book.epub')))
        const page = (await zip.file('OEBPS/closing.xhtml')?.async('string')) ?? ''
        return page.slice(page.indexOf('id="source-review"'), page.indexOf('</li>', page.indexOf('id="source-review"')))
      }
      expect(await sourcesPage('mla')).toContain('Critic, Ann. “A Review of the Fixture.” <em>The Daily Fixture</em>, 15 Sept. 2010,')
      expect(await sourcesPage('apa')).toContain('Critic, A. (2010, September 15). A Review of the Fixture. <em>The Daily Fixture</em>.')
    } finally {
      await rm(project, { recursive: true, force: true })
    }
  }, 60_000)
})
