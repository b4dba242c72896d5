// Typographic punctuation from what authors type, in prose only.
import remarkDirective from 'remark-directive'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { remarkTypography, remarkVerbatimAddresses, typeset as typesetText } from '../src/markdown/typography.js'

function typeset(markdown: string): string {
  const processor = unified().use(remarkParse).use(remarkDirective).use(remarkTypography).use(remarkVerbatimAddresses).use(remarkStringify)
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

})
