// One book size: generate the book, time every command in alternating rounds (our PDF first: its first run
// gives the finished HTML raw Chromium prints, and is profiled step by step), then `dev` when it exists.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { measureDev } from './dev.js'
import { generateBook, type GeneratedBook } from './generate.js'
import { copyGuide } from './guide.js'
import { jobsFor, writeReference } from './jobs.js'
import { writeFinishedHtml } from './finished-html.js'
import type { Measured } from './measure.js'
import { profilePdf } from './profile.js'
import { runKeys, type Row, type RunKey, type SizeResult } from './results.js'

export interface SizeOptions {
  cli: string
  chromium: string
  /** The CLI's --help text when it has a `dev` command; undefined when it has none. */
  help?: string
  pandoc: boolean
  /** Scratch folder for books and outputs. */
  work: string
  /** The book: this project's guide, or a generated one of `chapters` chapters. */
  book: 'guide' | 'generated'
  chapters: number
  words: number
  runs: number
  /** Runs of the whole build (every format, both editions): the costliest command, so it may run fewer times. */
  wholeRuns: number
  /** Time each step of our PDF once (a few extra print passes). */
  profile: boolean
}

/** Everything measured on one book: the guide, or a generated book of `chapters` chapters. */
export async function benchSize(o: SizeOptions): Promise<SizeResult> {
  const name = o.book === 'guide' ? 'guide' : String(o.chapters)
  const log = (line: string) => process.stderr.write(`[${name === 'guide' ? 'the guide' : `${name} chapters`}] ${line}\n`)
  const book = path.join(o.work, `book-${name}`)
  const generated = o.book === 'guide' ? await copyGuide(book) : await generateBook({ dir: book, chapters: o.chapters, words: o.words })
  log(`${o.book === 'guide' ? 'copied' : 'generated'} ${generated.words} words in ${book}`)
  const html = path.join(o.work, `print-${name}.html`)
  // Our PDF runs first in each round: raw Chromium needs the finished HTML, which needs one of our PDFs.
  const reference = path.join(o.work, `pandoc-${name}.html`)
  if (o.pandoc) await writeReference(book, reference)
  const jobs = jobsFor({ cli: o.cli, book, chromium: o.chromium, html, pandoc: o.pandoc, reference }).sort((a, b) => order(a.key) - order(b.key))
  const rows: Row[] = jobs.map(({ key, label, command }) => ({ key, label, command, times: [], peakRss: 0, peakPss: 0 }))
  let pages = 0
  let profile: SizeResult['profile'] = []
  for (let run = 1; run <= o.runs; run++) {
    for (const [i, job] of jobs.entries()) {
      if (job.key === 'all' && run > o.wholeRuns) continue
      const out = await mkdtemp(path.join(o.work, `${job.key}-`))
      const { measured, pages: printed } = await job.run(out)
      if (measured.code !== 0 || printed === 0) throw new Error(`${job.label} failed (exit ${measured.code}):\n${measured.stderr}`)
      record(rows[i] as Row, measured, printed)
      log(`${job.label}, run ${run}/${o.runs}: ${(measured.ms / 1000).toFixed(2)} s`)
      if (job.key === 'pdf' && run === 1) {
        pages = printed ?? 0
        log(`profiling our PDF (${pages} pages) step by step`)
        const pdf = await studentPdf(out)
        profile = o.profile ? await profilePdf({ cli: o.cli, root: book, pdf, html }) : await htmlOnly(book, pdf, html)
      }
      await rm(out, { recursive: true, force: true })
    }
  }
  if (!o.pandoc) rows.push({ key: 'pandoc', label: 'pandoc, Markdown to EPUB', command: 'pandoc', times: [], peakRss: 0, peakPss: 0, note: 'pandoc is not installed' })
  rows.push(await devRow(o, generated, book))
  rows.sort((a, b) => runKeys.indexOf(a.key) - runKeys.indexOf(b.key))
  return { book: o.book, chapters: generated.chapters.length, words: generated.words, pages, runs: o.runs, rows, profile }
}

function order(key: RunKey): number {
  return key === 'pdf' ? -1 : runKeys.indexOf(key)
}

function record(row: Row, measured: Measured, pages?: number) {
  row.times.push(measured.ms)
  row.peakRss = Math.max(row.peakRss, measured.peakRss)
  row.peakPss = Math.max(row.peakPss, measured.peakPss)
  row.pages = pages
}

/** Without the profile, only the finished HTML raw Chromium prints. */
async function htmlOnly(root: string, pdf: string, html: string): Promise<SizeResult['profile']> {
  await writeFinishedHtml({ root, edition: 'student', pdf, out: html })
  return []
}

/** The student PDF a build wrote into `out` (named after the book's `filename`). */
async function studentPdf(out: string): Promise<string> {
  const name = (await readdir(path.join(out, 'student'))).find((n) => n.endsWith('.pdf'))
  if (!name) throw new Error(`No student PDF in ${out}`)
  return path.join(out, 'student', name)
}

async function devRow(o: SizeOptions, generated: GeneratedBook, book: string): Promise<Row> {
  const row: Row = {
    key: 'dev',
    label: '`dev`: one chapter changed, until served',
    command: 'node lib/cli.js dev --root <book>, then rewrite one chapter and poll the served page',
    times: [],
    peakRss: 0,
    peakPss: 0
  }
  if (!o.help) return { ...row, note: 'not available: `node lib/cli.js --help` lists no `dev` command' }
  // A middle chapter without a handout, so the added question cannot make a handout too long.
  let number = Math.max(1, Math.floor(generated.chapters.length / 2))
  if (o.book === 'generated' && number % 10 === 0 && number < o.chapters) number += 1
  const chapter = generated.chapters[number - 1]
  if (!chapter) return { ...row, note: 'no chapter to change' }
  const result = await measureDev({ cli: o.cli, root: book, chapter: path.join(book, 'chapters', chapter.file), slug: chapter.slug, runs: o.runs, timeoutMs: 180_000 }, o.help)
  return { ...row, times: result.runs, note: result.note }
}
