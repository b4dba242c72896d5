// docs/AUTHORING.md cannot drift from what the generator accepts: its tables of book.yaml keys, front-matter keys
// and source keys hold exactly the keys of the schemas (of a source's many CSL variables, the ones the guide reads), and its table of directives exactly the directives the
// pipeline knows. The document is read as Markdown (remark), each table found under its heading.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Root, RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { jsonSchemas } from '../src/project/json-schema.js'
import { sourceHelp } from '../src/project/schema-help.js'
import { directives } from '../src/transform/blocks.js'
import { root } from './helpers.js'

const doc = unified().use(remarkParse).use(remarkGfm).parse(await readFile(path.join(root, 'docs/AUTHORING.md'), 'utf8')) as Root

/** The first column of the first table after the heading `title`, each cell's inline code. */
function keysUnder(title: string): string[] {
  const start = doc.children.findIndex((n) => n.type === 'heading' && toString(n) === title)
  expect(start, `heading “${title}”`).toBeGreaterThanOrEqual(0)
  const table = doc.children.slice(start + 1).find((n: RootContent): n is Table => n.type === 'table' || n.type === 'heading')
  expect(table?.type, `a table under “${title}”`).toBe('table')
  return (table as Table).children.slice(1).map((row) => toString(row.children[0] as RootContent))
}

interface JsonObject {
  properties: Record<string, JsonObject>
  items?: JsonObject
  anyOf?: JsonObject[]
}
const schema = (name: 'book' | 'chapter' | 'sources') => JSON.parse(jsonSchemas()[name]) as JsonObject

describe('docs/AUTHORING.md', () => {
  it('lists every book.yaml key, and no other', () => {
    expect(keysUnder('book.yaml').sort()).toEqual(Object.keys(schema('book').properties).sort())
  })

  it('lists every front-matter key, the handout’s included, and no other', () => {
    const chapter = schema('chapter').properties
    const handout = chapter.handout as JsonObject
    const handoutKeys = Object.keys((handout.properties ?? handout.anyOf?.find((o) => o.properties)?.properties) as object).map((k) => `handout.${k}`)
    expect(keysUnder('Chapter front matter').sort()).toEqual([...Object.keys(chapter), ...handoutKeys].sort())
  })

  it('lists the source keys the guide reads, each one a key of the schema (every other CSL variable is accepted too)', () => {
    const documented = keysUnder('The sources files')
    expect(Object.keys((schema('sources').items as JsonObject).properties)).toEqual(expect.arrayContaining(documented))
    expect(documented.sort()).toEqual(Object.keys(sourceHelp).sort())
  })

  it('lists every directive, and no other', () => {
    expect(keysUnder('Directives and other constructs').sort()).toEqual([...directives.containers, ...directives.leaves, ...directives.text].sort())
  })
})
