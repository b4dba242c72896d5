// The package's templates precompiled at `npm run compile` make the same books as the templates compiled on the
// spot, and a template edited since is compiled afresh, never taken from the precompiled set.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { bookFile, processBook } from '../src/book/book.js'
import { loadConfig } from '../src/project/config.js'
import { buildEpub } from '../src/output/epub/epub.js'
import { loadLabels } from '../src/project/labels.js'
import { readChapters } from '../src/project/chapters.js'
import { loadSources } from '../src/project/sources.js'
import { createTemplates, precompileTemplates, type PrecompiledTemplates, type TemplateSpecification } from '../src/render/templates.js'
import { root } from './helpers.js'

/** The precompiled set of the templates under `dir`, as `npm run compile` makes it, read back. */
async function precompiled(dir: string): Promise<PrecompiledTemplates> {
  const templates = await precompileTemplates(dir)
  return new Map(templates.map(({ source, spec }) => [source, new Function(`return ${spec}`)() as TemplateSpecification]))
}

describe('precompiled templates', () => {
  it('should make the same EPUB, byte for byte, in both editions, as templates compiled on the spot', async () => {
    const { config } = await loadConfig(path.join(root, 'test/fixtures/epub-constructs'))
    if (!config) throw new Error('fixture book.yaml is invalid')
    const labels = await loadLabels(config.templatesDir)
    const { sources } = await loadSources(config.sourcesDir)
    const files = await readChapters(config.chaptersDir, bookFile(config.chaptersDir))
    const kept = await precompiled(config.templatesDir)
    expect(kept.size).toBeGreaterThanOrEqual(8)
    for (const edition of ['student', 'teacher'] as const) {
      const chapters = await processBook({ config, labels, sources, files }, edition)
      const epub = (set: PrecompiledTemplates) => buildEpub({ config, labels, chapters, templates: createTemplates(config.templatesDir, set), edition, sourceDateEpoch: 0 })
      expect(Buffer.compare(await epub(kept), await epub(new Map()))).toBe(0)
    }
  })

  it('should compile a template whose text is not the precompiled one', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nlmg-templates-'))
    try {
      await writeFile(path.join(dir, 'page.hbs'), 'Hello {{name}}')
      const kept = await precompiled(dir)
      expect((await createTemplates(dir, kept).get('page.hbs'))({ name: 'Kathy' })).toBe('Hello Kathy')
      await writeFile(path.join(dir, 'page.hbs'), 'Goodbye {{name}}')
      expect((await createTemplates(dir, kept).get('page.hbs'))({ name: 'Tommy' })).toBe('Goodbye Tommy')
      // Compiled with the same options as the precompiled ones: strict, so a missing field is an error.
      await expect(createTemplates(dir, kept).get('page.hbs').then((template) => template({}))).rejects.toThrow(/name/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
