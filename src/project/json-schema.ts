// JSON Schemas for what an author writes (book.yaml, a chapter's front matter, a sources file), generated from
// the zod schemas with zod 4's own `z.toJSONSchema`, so an editor checks exactly what `nlmg check` checks.
import { z } from 'zod'
import { cslItem } from './csl.js'
import { bookConfig, chapterMatter } from './schema.js'
import { bookHelp, chapterHelp, handoutHelp, sourceHelp } from './schema-help.js'

/** The file name of each schema, as shipped in the package's `schemas/` and copied by `nlmg init`. */
export const schemaFiles = {
  book: 'book.schema.json',
  chapter: 'chapter.schema.json',
  sources: 'sources.schema.json'
} as const

const titles = {
  book: 'A study guide’s book.yaml',
  chapter: 'A chapter’s YAML front matter',
  sources: 'A sources file (chapters/sources/*.yaml): a list of CSL items (CSL-YAML)'
}

/** Each key's sentence of help, as metadata of its schema (an editor shows it beside the key). */
function helpRegistry() {
  const registry = z.registry<{ description: string }>()
  const describe = (shape: Record<string, z.ZodType>, help: Record<string, string | undefined>) => {
    for (const [key, schema] of Object.entries(shape)) {
      const description = help[key]
      if (description) registry.add(schema, { description })
    }
  }
  describe(bookConfig.shape, bookHelp)
  describe(chapterMatter.shape, chapterHelp)
  describe(chapterMatter.shape.handout.unwrap().in.shape, handoutHelp)
  // Note: `cslItem` is refined (a source needs a URL, a container or a publisher); its shape is the object inside.
  const variables = Object.keys(cslItem.shape)
  describe(cslItem.shape, { ...Object.fromEntries(variables.map((key) => [key, `The CSL variable \`${key}\`, as the CSL 1.0.2 specification defines it.`])), ...sourceHelp })
  return registry
}

/** Each schema as the text of its file (draft 2020-12, input types: what the author writes). */
export function jsonSchemas(): Record<keyof typeof schemaFiles, string> {
  const metadata = helpRegistry()
  const make = (schema: z.ZodType, title: string) => {
    const json = z.toJSONSchema(schema, {
      metadata,
      io: 'input',
      target: 'draft-2020-12',
      unrepresentable: 'any',
      // book.yaml's `date` may be a YAML date, which a YAML-aware editor sees as a string in date form.
      override: (ctx) => {
        if (ctx.zodSchema instanceof z.ZodDate) Object.assign(ctx.jsonSchema, { type: 'string', format: 'date' })
      }
    })
    return `${JSON.stringify({ ...json, title }, null, 2)}\n`
  }
  return {
    book: make(bookConfig, titles.book),
    chapter: make(chapterMatter, titles.chapter),
    sources: make(z.array(cslItem), titles.sources)
  }
}
