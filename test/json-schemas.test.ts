// The JSON Schemas shipped for editors: generated from the zod schemas (the copies in schemas/ are current), they
// accept every file of the shipped guide and of the starter guide, and reject a misspelt key, as a YAML-aware
// editor would flag it. Validated with ajv, a JSON Schema validator independent of zod.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { jsonSchemas, schemaFiles } from '../src/project/json-schema.js'
import { root } from './helpers.js'

const ajv = new Ajv2020({ allErrors: true, strict: false })
addFormats.default(ajv)
const schemas = jsonSchemas()
const validators = {
  book: ajv.compile(JSON.parse(schemas.book)),
  chapter: ajv.compile(JSON.parse(schemas.chapter)),
  sources: ajv.compile(JSON.parse(schemas.sources))
}

function errorsOf(kind: keyof typeof validators, data: unknown): string[] {
  const validate = validators[kind]
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)
}

async function frontMatter(file: string): Promise<unknown> {
  const tree = unified().use(remarkParse).use(remarkFrontmatter).parse(await readFile(file, 'utf8')) as Root
  const yaml = tree.children.find((n) => n.type === 'yaml')
  return parse(yaml?.value ?? '')
}

/** Every file of a guide, parsed: book.yaml, each chapter's front matter, each sources file. */
async function guideFiles(guide: string) {
  const chapters = (await readdir(path.join(guide, 'chapters'))).filter((f) => /^\d+-.*\.md$/.test(f))
  const sources = (await readdir(path.join(guide, 'chapters/sources'))).filter((f) => f.endsWith('.yaml'))
  return {
    book: parse((await readFile(path.join(guide, 'book.yaml'), 'utf8')).replace(/\{\{identifier\}\}/, '00000000-0000-4000-8000-000000000000').replace(/\{\{date\}\}/, '2026-01-01')),
    chapters: await Promise.all(chapters.map(async (f) => ({ name: f, data: await frontMatter(path.join(guide, 'chapters', f)) }))),
    sources: await Promise.all(sources.map(async (f) => ({ name: f, data: parse(await readFile(path.join(guide, 'chapters/sources', f), 'utf8')) })))
  }
}

describe('the JSON Schemas', () => {
  it('in schemas/ are the ones the zod schemas give (run `nlmg schema` after changing a schema)', async () => {
    for (const [key, file] of Object.entries(schemaFiles)) expect(await readFile(path.join(root, 'schemas', file), 'utf8')).toBe(schemas[key as keyof typeof schemaFiles])
  })

  for (const [name, guide] of [['the shipped guide', root], ['the starter guide', path.join(root, 'starter')]] as const) {
    it(`accept every file of ${name}`, async () => {
      const files = await guideFiles(guide)
      expect(errorsOf('book', files.book)).toEqual([])
      expect(files.chapters.length).toBeGreaterThan(2)
      for (const chapter of files.chapters) expect(errorsOf('chapter', chapter.data), chapter.name).toEqual([])
      for (const list of files.sources) expect(errorsOf('sources', list.data), list.name).toEqual([])
    })
  }

  it('describe every key, for an editor to show beside it', () => {
    const book = JSON.parse(schemas.book).properties as Record<string, { description?: string }>
    const chapter = JSON.parse(schemas.chapter).properties as Record<string, { description?: string; properties?: Record<string, { description?: string }> }>
    const sources = JSON.parse(schemas.sources).items.properties as Record<string, { description?: string }>
    const undescribed = [
      ...Object.entries(book).map(([k, v]) => [`book.yaml ${k}`, v.description]),
      ...Object.entries(chapter).map(([k, v]) => [`front matter ${k}`, v.description]),
      ...Object.entries(chapter.handout?.properties ?? {}).map(([k, v]) => [`front matter handout.${k}`, v.description]),
      ...Object.entries(sources).map(([k, v]) => [`source ${k}`, v.description])
    ].filter(([, description]) => !description)
    expect(undescribed).toEqual([])
    expect(Object.keys(chapter.handout?.properties ?? {})).toContain('keyPoints')
  })

  it('reject a misspelt key in book.yaml, in front matter and in a source', async () => {
    const files = await guideFiles(root)
    const { title, ...book } = files.book as Record<string, unknown>
    expect(errorsOf('book', { ...book, titel: title }).join('\n')).toMatch(/additionalProperty.*titel/)
    const chapter = files.chapters[0]?.data as Record<string, unknown>
    expect(errorsOf('chapter', { ...chapter, spoiler: 'none' }).join('\n')).toMatch(/additionalProperty.*spoiler"/)
    const [first, ...rest] = files.sources[0]?.data as Array<Record<string, unknown>>
    expect(errorsOf('sources', [{ ...first, auther: 'Someone' }, ...rest]).join('\n')).toMatch(/additionalProperty.*auther/)
  })

  it('reject a value the generator refuses', async () => {
    const files = await guideFiles(root)
    expect(errorsOf('book', { ...(files.book as object), paper: 'a5' }).join('\n')).toMatch(/\/paper must be equal to one of the allowed values/)
    expect(errorsOf('chapter', { ...(files.chapters[0]?.data as object), spoilers: 'some' }).join('\n')).toMatch(/\/spoilers/)
    expect(errorsOf('book', { ...(files.book as object), date: 'next week' }).join('\n')).toMatch(/\/date/)
  })
})
