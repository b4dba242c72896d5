// The whole-book checks that concern sources: Wikipedia may supply at most one citation in twenty per chapter.
import { describe, expect, it } from 'vitest'
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
