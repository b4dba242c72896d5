import type { Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { describe, expect, it } from 'vitest'
import { hyphenateTree, hyphenatorFor } from '../src/render/hyphenate.js'

const paragraph = (text: string): Root => ({ type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] }] })

describe('hyphenateTree', () => {
  it('should soft-hyphenate long common words and never a capitalised name', () => {
    const hyphenate = hyphenatorFor('en-GB')
    expect(hyphenate).toBeDefined()
    const html = toHtml(hyphenateTree(paragraph('Ishiguro and Hailsham examine responsibility.'), hyphenate as (w: string) => string))
    expect(html).toContain('Ishiguro and Hailsham')
    expect(html).toMatch(/re\u00ADspons|re\u00ADsp/)
  })
})
