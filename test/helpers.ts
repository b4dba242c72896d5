// Shared test helpers: run the real processor on inline Markdown, with a small source list.
import type { Root as HastRoot } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { VFile } from 'vfile'
import { createProcessor } from '../src/chapter/processor.js'
import type { Edition, Source } from '../src/project/schema.js'
import { loadLabels } from '../src/project/labels.js'
import { cp, mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '..')

export const sources = new Map<string, Source>([
  ['film', { id: 'film', title: 'The Film', kind: 'film', date: '2010' }],
  ['review', { id: 'review', author: 'Ann Critic', title: 'A Review', container: 'The Paper', kind: 'review' }]
])

export const matter = (extra = '') => `---\ntitle: A Chapter\ndescription: A test chapter.\nspoilers: none\n${extra}---\n\n`

/** Process `markdown` as chapter `slug` and return its HTML, file (data and messages). */
export async function processChapter(markdown: string, options: { slug?: string; edition?: Edition } = {}) {
  const labels = await loadLabels(path.join(root, 'templates'))
  const processor = createProcessor({
    edition: options.edition ?? 'teacher',
    labels,
    sources,
    chaptersDir: path.join(root, 'test/fixtures/book-basic/chapters'),
    root: path.join(root, 'test/fixtures/book-basic'),
    stats: true
  })
  const file = new VFile({ path: `/book/chapters/01-${options.slug ?? 'chap'}.md`, value: markdown, data: { slug: options.slug ?? 'chap', order: 1 } })
  const tree = (await processor.run(processor.parse(file), file)) as HastRoot
  return { html: toHtml(tree), file, errors: file.messages.filter((m) => m.fatal).map((m) => `${m.line}:${m.column} ${m.ruleId}`) }
}

/** A throw-away copy of the folder `from` in a fresh temporary folder; the caller removes it. */
export async function copyToTemp(from: string, prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
  await cp(from, dir, { recursive: true })
  return dir
}
