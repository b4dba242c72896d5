// The commands timed side by side, each as a user would type it, writing into a fresh folder per run.
import { existsSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { pdfPageCount } from './machine.js'
import { measure, type Measured } from './measure.js'
import type { RunKey } from './results.js'

export interface Job {
  key: RunKey
  label: string
  /** The command for the report, with `<book>` and `<tmp>` for the folders. */
  command: string
  /** Run once, writing into the empty folder `out`; the pages of the PDFs written, when it prints any. */
  run(out: string): Promise<{ measured: Measured; pages?: number }>
}

export interface JobContext {
  /** lib/cli.js */
  cli: string
  /** The generated project. */
  book: string
  chromium: string
  /** Our finished print HTML of the student edition. */
  html: string
  /** Whether pandoc runs here. */
  pandoc: boolean
  /** The same chapters as pandoc's default standalone HTML (made once, before the runs). */
  reference: string
}

/** The jobs for one book, in the order each round runs them. */
export function jobsFor(ctx: JobContext): Job[] {
  // Every build processes every chapter; the caches between builds, the drawn diagrams (figures) and the formatted
  // references, share one folder, emptied before each run (not timed), so each run is a first build, except the
  // rebuild's, which keeps it.
  const caches = path.join(ctx.book, 'node_modules', '.cache', 'nlmg')
  const command = (args: string[], out: string) => [ctx.cli, 'build', '--root', ctx.book, ...args, '--out', out]
  const build = (args: string[]) => async (out: string) => {
    await rm(caches, { recursive: true, force: true })
    return measure(process.execPath, command(args, out))
  }
  const rebuild = (args: string[]) => async (out: string) => {
    // Note: the first build of the round ran just before and filled the cache; this only covers a round without it.
    if (!existsSync(caches)) await measure(process.execPath, command(args, out))
    return measure(process.execPath, command(args, out))
  }
  const epub = ['--format', 'epub', '--edition', 'student']
  const pdfs = async (out: string) => (await Promise.all((await findPdfs(out)).map(pdfPageCount))).reduce((a, b) => a + b, 0)
  // Raw Chromium printing an HTML file in one pass, launch and exit included.
  const rawPrint = (html: string) => async (out: string) => {
    const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${path.join(out, 'out.pdf')}`, pathToFileURL(html).href]
    return { measured: await measure(ctx.chromium, args), pages: await pdfs(out) }
  }
  const jobs: Job[] = [
    {
      key: 'epub',
      label: 'our EPUB (student), first build',
      command: 'node lib/cli.js build --root <book> --format epub --edition student --out <tmp>',
      run: async (out) => ({ measured: await build(epub)(out) })
    },
    {
      key: 'rebuild',
      label: 'our EPUB (student), rebuild: diagrams and references from the cache',
      command: 'node lib/cli.js build --root <book> --format epub --edition student --out <tmp>   (again)',
      run: async (out) => ({ measured: await rebuild(epub)(out) })
    },
    {
      key: 'web',
      label: 'our EPUB and web edition (student)',
      command: 'node lib/cli.js build --root <book> --format epub,web --edition student --out <tmp>',
      run: async (out) => ({ measured: await build(['--format', 'epub,web', '--edition', 'student'])(out) })
    },
    {
      key: 'pandoc',
      label: 'pandoc, Markdown to EPUB',
      // Note: --resource-path lets pandoc find and pack the chapters' image, as our EPUB does.
      command: 'pandoc --resource-path=chapters -o <tmp>/out.epub chapters/*.md   (in <book>)',
      run: async (out) => ({ measured: await measure('pandoc', ['--resource-path=chapters', '-o', path.join(out, 'out.epub'), ...(await chapterFiles(ctx.book))], { cwd: ctx.book }) })
    },
    {
      key: 'check',
      label: 'our `check`: reading and processing the teacher edition, nothing written',
      command: 'node lib/cli.js check --root <book>',
      run: async () => {
        await rm(caches, { recursive: true, force: true })
        return { measured: await measure(process.execPath, [ctx.cli, 'check', '--root', ctx.book]) }
      }
    },
    {
      key: 'pdf',
      label: 'our PDF (student)',
      command: 'node lib/cli.js build --root <book> --format pdf --edition student --out <tmp>',
      run: async (out) => ({ measured: await build(['--format', 'pdf', '--edition', 'student'])(out), pages: await pdfs(out) })
    },
    {
      key: 'chromium',
      label: 'raw Chromium, our finished HTML',
      command: 'chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=<tmp>/out.pdf file://<tmp>/print.html',
      run: rawPrint(ctx.html)
    },
    {
      key: 'reference',
      label: 'reference: raw Chromium, pandoc’s default HTML of the same chapters',
      command: 'chromium … --print-to-pdf=<tmp>/out.pdf file://<tmp>/pandoc.html   (pandoc -s chapters/*.md -o pandoc.html, made once)',
      run: rawPrint(ctx.reference)
    },
    {
      key: 'all',
      label: 'our whole build (every format, both editions)',
      command: 'node lib/cli.js build --root <book> --out <tmp>',
      run: async (out) => ({ measured: await build([])(out), pages: await pdfs(out) })
    }
  ]
  return jobs.filter((job) => (job.key !== 'pandoc' && job.key !== 'reference') || ctx.pandoc)
}

/** The chapter files, in the order a shell expands `chapters/*.md`, relative to the book. */
export async function chapterFiles(book: string): Promise<string[]> {
  return (await readdir(path.join(book, 'chapters'))).filter((n) => n.endsWith('.md')).sort().map((n) => path.join('chapters', n))
}

/** pandoc's default standalone HTML of the book's chapters, written to `file`: the print reference. */
export async function writeReference(book: string, file: string): Promise<void> {
  const made = await measure('pandoc', ['-s', '--metadata', 'title=Reference', '--resource-path=chapters', '-o', file, ...(await chapterFiles(book))], { cwd: book })
  if (made.code !== 0) throw new Error(`pandoc failed to write the reference HTML:\n${made.stderr}`)
}

/** Every PDF below `dir` (the build writes one per edition into `<edition>/`). */
async function findPdfs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true })
  return entries.filter((e) => e.endsWith('.pdf')).map((e) => path.join(dir, e))
}
