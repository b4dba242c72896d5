// Process every chapter of one edition and check what only the whole book can tell: unique slugs and ids,
// links and glossary terms that resolve, sources that are used, handouts that keep their spoiler promise.
import type { Root as HastRoot } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import type { VFile } from 'vfile'
import { VFile as VFileClass } from 'vfile'
import type { ResolvedConfig } from '../project/config.js'
import type { Labels } from '../project/labels.js'
import type { ChapterCache } from './chapter-cache.js'
import { atChapterBoundary } from '../chapter/pipeline.js'
import { nodeTooDeep, reportTooDeep } from '../markdown/depth.js'
import { hasTeacherOnly } from '../transform/edition.js'
import { edition as editionNames, type Edition, type Source } from '../project/schema.js'
import '../core/data.js'

/** A processed chapter: its file (data and messages) and its hast. */
export interface Chapter {
  file: VFile
  tree: HastRoot
}

export interface BookInput {
  config: ResolvedConfig
  labels: Labels
  sources: ReadonlyMap<string, Source>
  files: VFile[]
  /** Measure words and reading level. */
  stats?: boolean
  /** Each chapter's syntax tree as read (`reading` in processor.ts), kept so a second edition is not read again. */
  parsed?: Map<string, MdastRoot>
  /** Chapters with no teacher-only block, processed once: every edition of them is the same. */
  shared?: Map<string, Chapter>
  /** Chapters processed by earlier builds. */
  cache?: ChapterCache
}

/**
 * Process every chapter for `edition`; messages land on each chapter's file. `last`: no edition processed
 * after this one reads `input.parsed`, so its trees are transformed as they are, not copied.
 */
export async function processBook(input: BookInput, edition: Edition, { last = false }: { last?: boolean } = {}): Promise<Chapter[]> {
  // The processors (and the parser's modules) are loaded only when a chapter is not in the cache.
  let processors: ReturnType<typeof createProcessors> | undefined
  const chapters: Chapter[] = []
  for (const original of input.files) {
    // Let the event loop run between chapters: a print under way (Puppeteer's messages) is not held up while
    // the chapters are processed beside it.
    await new Promise((resolve) => setImmediate(resolve))
    const ready = input.shared?.get(original.path) ?? (await input.cache?.get(original, edition))
    if (ready) {
      chapters.push(ready)
      continue
    }
    processors ??= createProcessors(input, edition)
    const { reader, transformer } = await processors
    const file = new VFileClass({ path: original.path, value: original.value, data: { slug: original.data.slug, order: original.data.order } })
    let editionFree = false
    // A chapter nested too deep for the parser or the tree utilities becomes a `too-deep` error, not a crash.
    const tree = await atChapterBoundary(file, async () => {
      let read = input.parsed?.get(file.path)
      if (!read) {
        const parsed = reader.parse(file) as MdastRoot
        // Too deep to walk or copy: say where, before a walk runs out of stack.
        const deep = nodeTooDeep(parsed)
        if (deep) {
          reportTooDeep(file, deep)
          return { type: 'root', children: [] } as HastRoot
        }
        read = (await reader.run(parsed, file)) as MdastRoot
        input.parsed?.set(file.path, read)
      }
      editionFree = !hasTeacherOnly(read)
      // The transforms change the tree, so each edition works on its own copy of the reading, but for the last.
      const copy = input.parsed && !last && !(editionFree && input.shared)
      return (await transformer.run(copy ? copyTree(read) : read, file)) as HastRoot
    })
    const chapter = { file, tree }
    // Only the edition step tells editions apart: without teacher-only blocks, this is every edition's chapter.
    if (editionFree) input.shared?.set(file.path, chapter)
    // Kept now, while the file holds only what processing said (the book-wide checks add to it later).
    input.cache?.set(chapter, ...(editionFree ? editionNames.options : [edition]))
    chapters.push(chapter)
  }
  return chapters
}

/**
 * A deep copy of a syntax tree: plain objects, arrays and primitives, which is all a parsed tree holds; anything
 * else goes through `structuredClone`. Five times faster than `structuredClone` on the whole tree in a build's
 * cold process (2 against 10 ms for the guide), which serialises and rebuilds every node through V8's
 * serialiser.
 */
export function copyTree<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(copyTree) as T
  const prototype = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return structuredClone(value)
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) copy[key] = copyTree((value as Record<string, unknown>)[key])
  return copy as T
}

async function createProcessors(input: BookInput, edition: Edition) {
  const { createReader, createTransformer } = await import('../chapter/processor.js')
  const { config, labels, sources, stats } = input
  return { reader: createReader(), transformer: createTransformer({ edition, labels, sources, chaptersDir: config.chaptersDir, root: config.root, stats }) }
}

/** Book-wide checks; problems are reported on `problems` (or on the chapter they concern). */
export function checkBook(chapters: Chapter[], sources: ReadonlyMap<string, Source>, sourceFiles: VFile[]) {
  const owner = new Map<string, VFile>()
  const spoilerTerms = new Set(chapters.flatMap(({ file }) => (file.data.definitions ?? []).filter((d) => d.spoiler).map((d) => d.id)))
  const slugs = new Map<string, VFile>()
  for (const { file } of chapters) {
    const slug = file.data.slug as string
    const first = slugs.get(slug)
    // The slug is the file's name: the message points at the file's first line.
    if (first) error(file, `Two chapters have the slug \`${slug}\` (also \`${first.basename}\`): rename one`, 'duplicate-slug', { line: 1, column: 1 })
    slugs.set(slug, file)
    for (const id of file.data.ids ?? []) {
      const other = owner.get(id)
      const place = file.data.idPlaces?.[id] ?? { line: 1, column: 1 }
      if (other && other !== file) error(file, `Id \`${id}\` is defined twice (also in \`${other.basename}\`)`, 'duplicate-id', place)
      if (!other) owner.set(id, file)
    }
  }
  const cited = new Set<string>()
  for (const { file } of chapters) {
    for (const ref of file.data.references ?? []) {
      if (owner.has(ref.id)) continue
      const what = ref.kind === 'term' ? `Glossary term \`${ref.id.slice(5)}\` is not defined (no \`:::definition\` with that id)` : `Link target \`#${ref.id}\` does not exist`
      error(file, what, ref.kind === 'term' ? 'term-unknown' : 'link-broken', ref.place)
    }
    for (const id of file.data.citations ?? []) cited.add(id)
    const handout = file.data.matter?.handout
    for (const term of handout?.keyTerms ?? []) {
      if (!owner.has(`term-${term}`)) error(file, `Handout key term \`${term}\` is not defined in the glossary`, 'term-unknown', { line: 1, column: 1 })
    }
    if (handout?.viewing === 'before') {
      if (file.data.matter?.spoilers === 'full') error(file, 'A before-viewing handout cannot come from a chapter with `spoilers: full`', 'handout-spoiler', { line: 1, column: 1 })
      for (const q of file.data.questions ?? []) {
        if (q.spoiler) error(file, `Question ${q.number} stands in a spoiler block and cannot go into a before-viewing handout`, 'handout-spoiler', { line: 1, column: 1 })
      }
      for (const [i, activity] of (file.data.activities ?? []).entries()) {
        if (activity.spoiler) error(file, `Activity ${i + 1} stands in a spoiler block and cannot go into a before-viewing handout`, 'handout-spoiler', { line: 1, column: 1 })
      }
      for (const term of handout.keyTerms.filter((t) => spoilerTerms.has(t))) {
        error(file, `Key term \`${term}\` has a definition that gives the story away and cannot go into a before-viewing handout (mark a safe definition \`spoilers="none"\`)`, 'handout-spoiler', { line: 1, column: 1 })
      }
    }
  }
  for (const id of sources.keys()) {
    if (cited.has(id)) continue
    const file = sourceFiles.find((f) => String(f.value).includes(`id: ${id}`)) ?? sourceFiles[0]
    if (!file) continue
    const line = String(file.value).split('\n').findIndex((l) => l.includes(`id: ${id}`)) + 1
    file.message(`Source \`${id}\` is never cited`, { place: { line, column: 1 }, ruleId: 'source-unused', source: 'nlmg' })
  }
}

/** Whether any of `files` carries an error (not just warnings). */
export function hasErrors(files: VFile[]): boolean {
  return files.some((f) => f.messages.some((m) => m.fatal))
}

function error(file: VFile, reason: string, ruleId: string, place?: { line: number; column: number }) {
  const message = file.message(reason, { place, ruleId, source: 'nlmg' })
  message.fatal = true
}

/** A file to hang book-level messages on. */
export function bookFile(path: string) {
  return new VFileClass({ path })
}
