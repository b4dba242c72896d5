// The whole-book checks: Wikipedia may supply at most one citation in twenty per chapter; broken links and a
// missing bibliography are told in the author's words, at their place.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSources } from '../src/project/sources.js'
import { checkBook } from '../src/book/checks.js'
import type { Source } from '../src/project/schema.js'
import { matter, processChapter } from './helpers.js'

const sources = new Map<string, Source>([
  ['wiki', { id: 'wiki', type: 'webpage', title: 'Never Let Me Go (film)', 'container-title': 'Wikipedia', URL: 'https://en.wikipedia.org/wiki/Never_Let_Me_Go_(2010_film)' }],
  ['paper', { id: 'paper', type: 'article-newspaper', title: 'A review', 'container-title': 'The Guardian', URL: 'https://www.theguardian.com/film/x' }]
])

async function checked(citations: string[]) {
  const body = citations.map((id, i) => `Claim ${i + 1} :cite[${id}].`).join('\n\n')
  const { file, tree } = await processChapter(`${matter()}${body}\n`, { sources })
  checkBook([{ file, tree }], sources, new Map())
  return file.messages.filter((m) => m.ruleId === 'wikipedia-share').map((m) => `${m.line}:${m.column} ${m.reason}`)
}

describe('the Wikipedia share of a chapter', () => {
  it('should accept one citation in twenty', async () => {
    expect(await checked(['wiki', ...Array<string>(19).fill('paper')])).toEqual([])
  })

  it('should refuse more, at the first Wikipedia citation, saying what to cite instead', async () => {
    expect(await checked(['paper', 'paper', 'wiki', ...Array<string>(17).fill('paper'), 'wiki'])).toEqual([
      expect.stringMatching(/^11:9 2 of this chapter's 21 citations go to Wikipedia .*cite the sources Wikipedia itself cites$/)
    ])
  })
})

/** The book-wide messages of one chapter (`slug` chap) checked on its own. */
async function bookMessages(markdown: string) {
  const { file, tree } = await processChapter(markdown, { sources })
  checkBook([{ file, tree }], sources, new Map())
  return file.messages.filter((m) => m.ruleId === 'link-broken' || m.ruleId === 'bibliography-missing').map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)
}

describe('links that go nowhere', () => {
  it('should name a broken link by its own words and its target, and say whether the chapter or the section is missing', async () => {
    expect(await bookMessages(`${matter()}## Here\n\nSee [the ending](#nothing), [the plot](03-plot.md#ending) and [here](#here).\n`)).toEqual([
      '9:5 link-broken Link “the ending” to `#nothing` goes nowhere: no heading or block has the id `#nothing` (a heading\'s id is its text in lower case, words joined by hyphens)',
      '9:29 link-broken Link “the plot” to `03-plot.md#ending` goes nowhere: no chapter file is named `03-plot.md`'
    ])
  })

  it('should say once, at the first citation, that no chapter prints the bibliography the notes link to', async () => {
    expect(await bookMessages(`${matter()}One :cite[paper]. Two :cite[wiki].\n`)).toEqual([
      '7:5 bibliography-missing Citations link to the bibliography, but no chapter prints it: add a sources chapter (say `chapters/99-sources.md`) holding the line `::sources`'
    ])
    expect(await bookMessages(`${matter()}One :cite[paper].\n\n::sources\n`)).toEqual([])
  })
})

describe('sources never cited', () => {
  it('should warn at the entry of a source no chapter cites, in its sources file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nlmg-unused-'))
    try {
      await writeFile(path.join(dir, 'main.yaml'), '- id: paper\n  type: article-newspaper\n  title: A review\n  container-title: The Guardian\n- id: wiki\n  type: webpage\n  title: An article\n  container-title: Wikipedia\n')
      const bibliography = await loadSources(dir)
      const { file, tree } = await processChapter(`${matter()}Claim :cite[paper].\n\n::sources\n`, { sources: bibliography.sources })
      checkBook([{ file, tree }], bibliography.sources, bibliography.places)
      expect(bibliography.files[0]?.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${String(m.fatal)} ${m.reason}`)).toEqual(['5:3 source-unused false Source `wiki` is never cited'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
