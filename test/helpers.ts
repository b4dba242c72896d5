// Shared test helpers: run the real processor on inline Markdown, with a small source list.
import { toHtml } from 'hast-util-to-html'
import { VFile } from 'vfile'
import { createChapterProcessor, processChapter as runPipeline, type Chapter } from '../src/chapter/chapter.js'
import type { Edition, Source } from '../src/project/schema.js'
import { loadLabels } from '../src/project/labels.js'
import { processBook } from '../src/book/book.js'
import { bookFile } from '../src/core/messages.js'
import { readChapters } from '../src/project/chapters.js'
import { loadConfig } from '../src/project/config.js'
import { loadSources } from '../src/project/sources.js'
import { loadCitationStyle } from '../src/project/csl-style.js'
import { formatReferences } from '../src/transform/references.js'
import { spawn } from 'node:child_process'
import { cp, mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '..')

export const sources = new Map<string, Source>([
  ['film', { id: 'film', type: 'motion_picture', title: 'The Film', publisher: 'Test Pictures', issued: { 'date-parts': [[2010]] } }],
  ['review', { id: 'review', type: 'article-newspaper', author: [{ family: 'Critic', given: 'Ann' }], title: 'A Review', 'container-title': 'The Paper' }]
])

/** The sources formatted in the default style (MLA), as a build formats them. */
export async function referencesFor(list: Map<string, Source>, style = 'mla') {
  const csl = await loadCitationStyle(style, root)
  if ('reason' in csl) throw new Error(csl.reason)
  return formatReferences([...list.values()], csl)
}

export const matter = (extra = '') => `---\ntitle: A Chapter\ndescription: A test chapter.\nspoilers: none\n${extra}---\n\n`

/** A chapter file as `readChapters` makes it: its text, slug and order. */
export function chapterFile(markdown: string, slug = 'chap', dir = '/book/chapters') {
  return new VFile({ path: `${dir}/01-${slug}.md`, value: markdown, data: { slug, order: 1 } })
}

/** Process `markdown` as chapter `slug` through the one chapter pipeline; its HTML, file (data and messages). */
export async function processChapter(markdown: string, options: { slug?: string; edition?: Edition; project?: string; sources?: Map<string, Source> } = {}) {
  const project = options.project ?? path.join(root, 'test/fixtures/book-basic')
  const edition = options.edition ?? 'teacher'
  const processor = createChapterProcessor({
    labels: await loadLabels(path.join(root, 'templates')),
    sources: options.sources ?? sources,
    references: await referencesFor(options.sources ?? sources),
    chaptersDir: path.join(project, 'chapters'),
    root: project,
    stats: true
  }, [edition])
  const { file, tree } = (await runPipeline(processor, chapterFile(markdown, options.slug, path.join(project, 'chapters')))).get(edition) as Chapter
  return { html: toHtml(tree), tree, file, errors: file.messages.filter((m) => m.fatal).map((m) => `${m.line}:${m.column} ${m.ruleId}`) }
}

/**
 * A throw-away copy of the folder `from` in a fresh temporary folder, without the caches a local build left in
 * its `node_modules/.cache` (a test that counts what a build draws or formats starts cold); the caller removes it.
 */
export async function copyToTemp(from: string, prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
  await cp(from, dir, { recursive: true, filter: (source) => path.relative(from, source) !== 'node_modules' })
  return dir
}

/** Start `nlmg dev` on `project` as a user would, on a free port: the child process and the address it serves. */
export async function startDev(project: string) {
  const child = spawn(process.execPath, [path.join(root, 'lib/cli.js'), 'dev', '--root', project, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /at (http:\/\/\S+\/)/.exec(output)
      if (match) resolve(match[1] as string)
    })
    child.once('exit', (code) => reject(new Error(`dev exited with ${code}`)))
  })
  return { child, url }
}

/** A project's chapters processed for one edition, as the build processes them, with its configuration and labels. */
export async function processProject(project: string, edition: Edition) {
  const { config } = await loadConfig(project)
  if (!config) throw new Error(`${project}/book.yaml is invalid`)
  const labels = await loadLabels(config.templateDirs, config)
  const { sources } = await loadSources(config.sourcesDir)
  const files = await readChapters(config.chaptersDir, bookFile(config.chaptersDir))
  const references = formatReferences([...sources.values()], config.csl)
  const chapters = (await processBook(files, { labels, sources, references, root: config.root, chaptersDir: config.chaptersDir }, [edition])).get(edition) ?? []
  return { config, labels, chapters }
}
