// The chapters' parser gives exactly the trees of remark-parse with remark-frontmatter, remark-gfm and
// remark-directive, while offering each GFM construct only to documents that can hold it.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Root } from 'mdast'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { remarkSyntax, syntaxFor } from '../src/markdown/parse.js'

const reference = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkDirective)
const ours = unified().use(remarkSyntax)
const parse = (processor: typeof reference | typeof ours, doc: string) => processor.parse(doc) as Root

/** Documents each GFM construct can match in only by way of the characters its test looks for. */
const edges = [
  // Email, www and protocol literals, in any case, as a link's text and as mailto.
  'write to kathy@hailsham.example today',
  'see WWW.example.com or Www.Example.org.',
  'HTTPS://example.com/a_b and http://example.com/(x)',
  '[kathy@hailsham.example](mailto:kathy@hailsham.example)',
  'mailto:kathy@hailsham.example and xmpp:kathy@hailsham.example/home',
  // Tables with and without pipes: a dash under a word with an alignment colon is a table.
  'a\n:-',
  'a\n-:',
  'a\n:-:',
  '> a\n> :-\n> b',
  'a | b\n- | -\n1 | 2',
  '| a |\n| --- |',
  'a\n-',
  // Footnotes, strikethrough, task items.
  'Text[^1].\n\n[^1]: Note.',
  '[ ^a]\n\n[^a]: x',
  '~one~ and ~~two~~',
  '- [ ] open\n- [x] done\n- [X] done\n- [\t] tab',
  // Addresses and emails that only the tree transform finds: after an entity or an escape.
  'mail kathy&#64;hailsham.example now',
  'see &#119;ww.example.com or www\\.example.org',
  'http\\://example.com and https:\\/\\/example.com',
  // Directives and front matter beside them.
  '---\ntitle: T\n---\n\n:::note\nText :cite[a] here.\n:::',
  ':::table\n| a |\n| - |\n:::'
]

/** Snippets a random document is made of: each construct, its near misses, and plain text. */
const snippets = [
  'plain words here',
  'kathy@hailsham.example',
  'an @ sign alone',
  'www.example.com',
  'www example',
  'https://example.com/path?q=1',
  'http:/not-a-link',
  '| cell | cell |',
  '|---|---|',
  ':-',
  '-:',
  ':---:',
  '-',
  '---',
  '[^n]',
  '[^n]: a note',
  '^',
  '~strike~',
  '~~two~~',
  '~',
  '- [ ] task',
  '- [x] task',
  '[x]',
  ':cite[src]',
  ':::note',
  ':::',
  '*em*',
  '**strong**',
  '`code`',
  '> ',
  '1. ',
  '    indented',
  '```',
  '<https://example.com>',
  '[a](https://example.com)',
  '\\|',
  '&#64;',
  '&commat;',
  'www\\.',
  '&#x77;ww.',
  'http\\://'
]

/** A document of 1 to 12 lines, each one to four snippets joined by a space or nothing, some lines blank. */
const documents = fc
  .array(fc.tuple(fc.array(fc.tuple(fc.constantFrom(...snippets), fc.constantFrom(' ', '')), { minLength: 1, maxLength: 4 }), fc.boolean()), { minLength: 1, maxLength: 12 })
  .map((lines) => lines.map(([parts, blank]) => parts.map(([part, gap]) => part + gap).join('') + (blank ? '\n' : '')).join('\n'))

async function markdownFiles(dir: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) found.push(...(await markdownFiles(file)))
    else if (entry.name.endsWith('.md')) found.push(file)
  }
  return found
}

describe('remarkSyntax', () => {
  it('should give the same tree as the four remark plugins for every chapter, fixture and hostile file', async () => {
    const files = [...(await markdownFiles('chapters')), ...(await markdownFiles('test/fixtures'))]
    expect(files.length).toBeGreaterThan(20)
    for (const file of files) {
      const doc = await readFile(file, 'utf8')
      expect(parse(ours, doc), file).toEqual(parse(reference, doc))
    }
  })

  it('should give the same tree at the edge of every construct it may leave out', () => {
    for (const doc of edges) expect(parse(ours, doc), doc).toEqual(parse(reference, doc))
    // Each edge case needs its construct: the tests are not all trivially true.
    expect(parse(ours, 'a\n:-').children[0]?.type).toBe('table')
    expect(parse(ours, 'write to kathy@hailsham.example').children[0]).toMatchObject({ children: [{ type: 'text' }, { type: 'link' }] })
  })

  it('should give the same tree for 1,000 random mixtures of the constructs and their near misses', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        expect(parse(ours, doc), doc).toEqual(parse(reference, doc))
      }),
      { numRuns: 1000, seed: 20261121 }
    )
  })

  it('should leave out only what a document cannot hold', () => {
    const names = (doc: string) => syntaxFor(doc).length
    // Front matter and directives always; no GFM construct for plain prose.
    expect(names('Plain prose, with a colon: and a dash - here.')).toBe(2)
    expect(names('a | b')).toBe(3)
    expect(names('a@b and | and [^1] and ~ and [ ]')).toBe(7)
  })
})
