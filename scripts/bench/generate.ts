// Write a synthetic book project (book.yaml, chapters/NN-slug.md, chapters/sources/*.yaml, chapters/images/)
// of any size, the same bytes for the same options, that the real build checks without an error.
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { slug } from 'github-slugger'
import { stringify } from 'yaml'
import { packageRoot } from '#src/core/paths.js'
import { chapterMarkdown, type ChapterPlan } from './chapter.js'
import { gradientPng } from './png.js'
import { titleWords } from './prose.js'
import { createRandom } from './random.js'
import { containers, sourceKinds, surnames } from './words.js'

export interface GenerateOptions {
  /** Folder to write the project into (created). */
  dir: string
  chapters: number
  /** Running-prose words in the whole book. */
  words: number
  seed?: number
}

export interface GeneratedBook {
  root: string
  chapters: Array<{ file: string; slug: string; title: string; words: number }>
  /** Running-prose words written, counted as the build counts them. */
  words: number
  sources: number
}

/** Generate the project and return what it holds. */
export async function generateBook(options: GenerateOptions): Promise<GeneratedBook> {
  const seed = options.seed ?? 2010
  const chaptersDir = path.join(options.dir, 'chapters')
  await mkdir(path.join(chaptersDir, 'sources'), { recursive: true })
  await mkdir(path.join(chaptersDir, 'images'), { recursive: true })
  await copyFile(path.join(packageRoot, 'chapters/images/cover.png'), path.join(chaptersDir, 'images/cover.png'))
  await writeFile(path.join(chaptersDir, 'images/still.png'), gradientPng())
  await writeFile(path.join(options.dir, 'book.yaml'), stringify(bookConfig(options.chapters)))
  const sources = sourceEntries(seed, Math.max(12, options.chapters * 2))
  for (const [i, name] of ['core', 'reviews', 'reference', 'news'].entries()) {
    await writeFile(path.join(chaptersDir, 'sources', `${name}.yaml`), stringify(sources.filter((_, n) => n % 4 === i)))
  }
  const plans = chapterPlans(seed, options, sources.map((s) => s.id))
  const written: GeneratedBook['chapters'] = []
  for (const plan of plans) {
    const { markdown, words } = chapterMarkdown(plan)
    await writeFile(path.join(chaptersDir, plan.file), markdown)
    written.push({ file: plan.file, slug: plan.slug, title: plan.title, words })
  }
  return { root: options.dir, chapters: written, words: written.reduce((n, c) => n + c.words, 0), sources: sources.length }
}

function bookConfig(chapters: number) {
  return {
    title: `A Synthetic Book of ${chapters} Chapters`,
    subtitle: 'Generated text for measuring the build',
    authors: ['The benchmark'],
    publisher: 'The benchmark',
    language: 'en-GB',
    identifier: `urn:uuid:00000000-0000-4000-8000-${String(chapters).padStart(12, '0')}`,
    date: '2024-05-01',
    description: 'A deterministic synthetic book that uses every construct of the study guide, for timing builds.',
    cover: 'chapters/images/cover.png',
    coverAlt: 'A cover with a title in white on a dark ground.',
    accessibilitySummary: 'Generated text with structured headings, notes that link both ways and one described image.',
    filename: 'synthetic-book'
  }
}

/** Decide every chapter's name, sections, term and sources first: later chapters link to earlier ones. */
function chapterPlans(seed: number, options: GenerateOptions, sourceIds: string[]): ChapterPlan[] {
  const width = Math.max(2, String(options.chapters).length)
  const slugs = new Set<string>()
  const plans: ChapterPlan[] = []
  for (let number = 1; number <= options.chapters; number++) {
    const r = createRandom(seed, number, 1)
    const title = `The ${titleWords(r)}`
    const base = slug(title)
    const chapterSlug = slugs.has(base) ? `${base}-${number}` : base
    slugs.add(chapterSlug)
    const term = titleWords(r)
    plans.push({
      number,
      file: `${String(number).padStart(width, '0')}-${chapterSlug}.md`,
      slug: chapterSlug,
      title,
      sections: [titleWords(r), titleWords(r, 3), titleWords(r), 'Questions and activities'],
      term: { term, id: `${slug(term)}-${number}` },
      words: Math.round(options.words / options.chapters),
      owned: sourceIds.filter((_, i) => i % options.chapters === number - 1),
      sources: sourceIds,
      previous: plans[plans.length - 1],
      last: number === options.chapters,
      seed
    })
  }
  return plans
}

/** Bibliography entries with unique ids, of every kind the schema knows. */
/** The CSL type of each kind of source. */
const cslType: Record<(typeof sourceKinds)[number], string> = { film: 'motion_picture', novel: 'book', review: 'article-newspaper', interview: 'article-magazine', news: 'article-newspaper', reference: 'webpage', data: 'webpage', fan: 'post-weblog', other: 'webpage' }

function sourceEntries(seed: number, count: number) {
  const r = createRandom(seed, 0)
  const ids = new Set<string>()
  return Array.from({ length: count }, (_, n) => {
    const surname = r.pick(surnames)
    const year = r.int(1990, 2020)
    const base = `${surname.toLowerCase()}-${year}`
    const id = ids.has(base) ? `${base}-${n}` : base
    ids.add(id)
    const kind = sourceKinds[n % sourceKinds.length] as (typeof sourceKinds)[number]
    // A CSL item, as chapters/sources/ holds them.
    return {
      id,
      type: cslType[kind],
      ...(kind === 'film' ? {} : { author: [{ family: surname, given: r.pick(['Ann', 'Ben', 'Cara', 'Dev', 'Eli']) }] }),
      title: titleWords(r, 3),
      [kind === 'film' || kind === 'novel' ? 'publisher' : 'container-title']: r.pick(containers),
      issued: `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
      URL: `https://example.org/${id}`,
      custom: { kind }
    }
  })
}
