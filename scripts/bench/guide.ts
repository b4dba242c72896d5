// The guide itself as a bench book: this project's book.yaml and chapters copied into the bench's scratch
// folder (so `dev`'s edits never touch the real chapters), with its words counted by the build's own check.
import { cp, readdir } from 'node:fs/promises'
import path from 'node:path'
import { build } from '#src/build/build.js'
import { packageRoot } from '#src/core/paths.js'
import type { GeneratedBook } from './generate.js'

/** Copy the guide into `dir` and describe it as the generator describes its books. */
export async function copyGuide(dir: string): Promise<GeneratedBook> {
  await cp(path.join(packageRoot, 'book.yaml'), path.join(dir, 'book.yaml'))
  await cp(path.join(packageRoot, 'chapters'), path.join(dir, 'chapters'), { recursive: true })
  const report = await build({ root: dir, checkOnly: true, stats: true })
  if (!report.ok) throw new Error('The guide does not pass `nlmg check`: fix it before benchmarking it')
  // The build reads chapters in file-name order, as listed here.
  const files = (await readdir(path.join(dir, 'chapters'))).filter((n) => n.endsWith('.md')).sort()
  const chapters = report.chapters.map((c, i) => ({ file: files[i] as string, slug: c.slug, title: c.title, words: c.words }))
  return { root: dir, chapters, words: chapters.reduce((n, c) => n + c.words, 0), sources: 0 }
}
