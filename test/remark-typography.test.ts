// Typographic punctuation from what authors type, in prose only.
import remarkDirective from 'remark-directive'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import { retext } from 'retext'
import smartypants from 'retext-smartypants'
import fc from 'fast-check'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { curlBlock, remarkTypography, typeset as typesetText } from '../src/markdown/typography.js'

function typeset(markdown: string): string {
  const processor = unified().use(remarkParse).use(remarkDirective).use(remarkTypography).use(remarkStringify)
  return String(processor.processSync(markdown)).trim()
}

describe('remarkTypography', () => {
  it('should curl quotes, also across emphasis and links, and apostrophes', () => {
    expect(typeset('"Kathy\'s *tape*," she said.')).toBe('“Kathy’s *tape*,” she said.')
    expect(typeset('He calls it "[the Gallery](#gallery)".')).toBe('He calls it “[the Gallery](#gallery)”.')
  })

  it('should curl quotes at the edges of blocks as within them', () => {
    expect(typeset('"Go."\n\n"Stay," she said, "here."\n\n## The pupils\' art\n\nIt\'s \'70s design.')).toBe('“Go.”\n\n“Stay,” she said, “here.”\n\n## The pupils’ art\n\nIt’s ’70s design.')
    expect(typeset('| a | b |\n| - | - |\n| "x" | it\'s |')).toContain('| “x” | it’s |')
  })

  it('should make dashes and ellipses where they are typed, and only there', () => {
    expect(typeset('Hailsham -- a school... or not. . .')).toBe('Hailsham — a school… or not…')
    expect(typeset('A plain sentence. Another one.')).toBe('A plain sentence. Another one.')
  })

  it('should set plain text (front matter) the same way', () => {
    expect(typesetText('Euphemisms such as "donation" hide cruelty -- the pupils\' world...')).toBe('Euphemisms such as “donation” hide cruelty — the pupils’ world…')
  })

  it('should leave code, URLs and directive attributes as typed', () => {
    expect(typeset('Run `npm "run" -- build` now.')).toBe('Run `npm "run" -- build` now.')
    expect(typeset('See <https://example.com/a--b> today.')).toBe('See <https://example.com/a--b> today.')
    expect(typeset(':::callout{title="A \'quoted\' title"}\nHe said "go".\n:::')).toContain('title="A \'quoted\' title"')
    expect(typeset(':::callout{title="A \'quoted\' title"}\nHe said "go".\n:::')).toContain('He said “go”.')
  })

  it('should curl a block exactly as retext-smartypants does, whether a rule or the full pass decides', () => {
    const reference = retext().use(smartypants, { ellipses: false, dashes: false, backticks: false })
    const full = (block: string, next: string) => reference.processSync(block + next).toString().slice(0, block.length)
    const next = fc.constantFrom('', ' ', 'a', '.', "'", '"')
    const same = (block: string, after: string) => {
      expect(curlBlock(block, after), JSON.stringify(block + after)).toBe(full(block, after))
    }
    // Single characters: letters (some not ASCII), digits, quotes of both kinds, whitespace, punctuation.
    const characters = fc.constantFrom(...'aZé ß9 0\'\'\'"" \n\t.,;:!?-()[]…’“—/&#*_'.split(''))
    fc.assert(fc.property(fc.array(characters, { maxLength: 30 }), next, (chars, after) => same(chars.join(''), after)), { numRuns: 3000, seed: 20261121 })
    // Words and the marks around them, as prose has them: abbreviations, decades, contractions, sentence ends.
    const tokens = fc.constantFrom('Kathy', 'the', "don't", '80s', 'Mr.', 'U.S.', 'e.g.', ' ', ' ', '\n', '"', "'", '.', ',', '!', '?', ';', ':', '(', ')', '—', '...', 'A', 'i', '1990', "'s", 'é', '“', '’')
    fc.assert(fc.property(fc.array(tokens, { maxLength: 25 }), next, (words, after) => same(words.join(''), after)), { numRuns: 3000, seed: 20261121 })
    expect(curlBlock("Kathy's and Tommy's tapes")).toBe('Kathy’s and Tommy’s tapes')
    expect(curlBlock('She said "go" and "stay," then left.')).toBe('She said “go” and “stay,” then left.')
    // Beside a bracket or another quote, no rule decides: the full pass does.
    expect(curlBlock('the ("Gallery") and \'80s')).toBe(full('the ("Gallery") and \'80s', ''))
  })
})
