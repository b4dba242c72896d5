// The targets the build is judged against, each with what was measured and whether it holds; and the figures
// reported beside them without a target of this issue's.
import { bookName, fmt, rowOf, seconds, type RunKey, type SizeResult } from './results.js'

export interface Verdict {
  target: string
  measured: string
  /** Undefined when something it needs was not measured, or when the figure has no target. */
  holds?: boolean
  /** A word on how the verdict was reached, or whose target it is, when a figure alone would mislead. */
  detail?: string
}

const GiB = 2 ** 30
/** Whose targets pages per second and memory are: the print issue's, not the one this bench judges. */
const printIssue = 'print issue’s target'

/**
 * The issue's targets: the guide's first EPUB build against pandoc; `dev` from save to served page and the PDF
 * against raw Chromium on every book measured.
 */
export function verdicts(sizes: SizeResult[]): Verdict[] {
  const guide = sizes.find((s) => s.book === 'guide')
  return [
    guide ? ratio(guide, 'epub', 'pandoc', 1.3, 'EPUB, first build, at most 1.3× pandoc') : { target: 'EPUB, first build, at most 1.3× pandoc, the guide', measured: '–' },
    ...sizes.map((size) => devLoop(size, 0.3)),
    ...sizes.map((size) => webCost(size, 1 / 3)),
    ...sizes.map((size) => ratio(size, 'pdf', 'chromium', 1.25, 'PDF at most 1.25× raw Chromium on the same HTML'))
  ]
}

/**
 * Figures reported beside the targets: the EPUB against pandoc on the other books (no target), and on the
 * largest book pages per second and peak memory, judged against the print issue's targets and labelled so.
 */
export function otherFigures(sizes: SizeResult[]): Verdict[] {
  const largest = sizes.reduce((a, b) => (b.pages > a.pages ? b : a))
  const guide = sizes.find((s) => s.book === 'guide')
  return [
    ...sizes.filter((s) => s.book !== 'guide').map((size) => ({ ...ratio(size, 'epub', 'pandoc', undefined, 'EPUB, first build, against pandoc'), detail: 'no target' })),
    pagesPerSecond(largest, 40),
    ...sizes.map((size) => perPage(size, 2)),
    memory(largest, GiB),
    ...(guide ? [wholeBuild(guide, 5)] : []),
    ...(guide ? [firstBuildWork(guide)] : []),
    ...sizes.map(processingFloor),
    ...sizes.map(printFloor)
  ]
}

/**
 * Raw Chromium printing our finished HTML (no build at all), its time per page against the reference's: the floor
 * under the 2× per-page target, set by the book itself (fonts, running heads, tags, contents and notes).
 */
function printFloor(size: SizeResult): Verdict {
  const value = perPageOf(rowOf(size, 'chromium')) / perPageOf(rowOf(size, 'reference'))
  return {
    target: `Raw Chromium alone on our finished HTML, time per page against the reference, ${bookName(size)}`,
    measured: Number.isFinite(value) ? fmt.x(value) : '–',
    detail: 'the floor under the 2× target: no target'
  }
}

/**
 * What a first build does that a rebuild does not (formatting the sources through citeproc, drawing the Mermaid
 * diagrams in Chromium), against pandoc's whole run: the floor under the EPUB's first-build target.
 */
function firstBuildWork(size: SizeResult): Verdict {
  const first = seconds(rowOf(size, 'epub'))
  const work = first - seconds(rowOf(size, 'rebuild'))
  const pandoc = seconds(rowOf(size, 'pandoc'))
  return {
    target: `A first build's own work (the EPUB's first build less its rebuild), against pandoc's whole run, ${bookName(size)}`,
    measured: Number.isFinite(work / pandoc) ? `${fmt.x(work / pandoc)} (${fmt.s(work)} / ${fmt.s(pandoc)})` : '–',
    detail: 'the floor under the 1.3× target: no target'
  }
}

/**
 * `check` (start-up, reading and processing one edition, no browser) against raw Chromium's whole print of the
 * same book: the floor under the PDF's ratio, which a PDF build (processing both editions) cannot go below.
 */
function processingFloor(size: SizeResult): Verdict {
  return { ...ratio(size, 'check', 'chromium', undefined, "`check` alone, against raw Chromium's whole print"), detail: 'the floor under the 1.25× target: no target' }
}

/** The smallest and largest generated books, when there are two. */
export function growthPair(sizes: SizeResult[]): { small?: SizeResult; large?: SizeResult } {
  const generated = sizes.filter((s) => s.book === 'generated').sort((a, b) => a.chapters - b.chapters)
  return generated.length < 2 ? {} : { small: generated[0], large: generated[generated.length - 1] }
}

/** How much longer `key` takes on the large book than on the small one, against how many more pages. */
export function growthOf(small: SizeResult, large: SizeResult, key: RunKey) {
  const time = seconds(rowOf(large, key)) / seconds(rowOf(small, key))
  const pages = large.pages / small.pages
  return { time, pages }
}

/** Our median over theirs; judged when there is a `limit`. */
function ratio(size: SizeResult, ours: RunKey, theirs: RunKey, limit: number | undefined, target: string): Verdict {
  const a = seconds(rowOf(size, ours))
  const b = seconds(rowOf(size, theirs))
  const value = a / b
  return {
    target: `${target}, ${bookName(size)}`,
    measured: `${fmt.x(value)} (${fmt.s(a)} / ${fmt.s(b)})`,
    holds: limit !== undefined && Number.isFinite(value) ? value <= limit : undefined
  }
}

/** What the web edition adds to the EPUB's build (the web issue's target: at most a third). */
function webCost(size: SizeResult, limit: number): Verdict {
  const epub = seconds(rowOf(size, 'epub'))
  const both = seconds(rowOf(size, 'web'))
  const added = (both - epub) / epub
  return {
    target: `The web edition adds at most a third to the EPUB's build time, ${bookName(size)}`,
    measured: Number.isFinite(added) ? `+${Math.round(added * 100)}% (${fmt.s(both)} with the site, ${fmt.s(epub)} without)` : '–',
    holds: Number.isFinite(added) ? added <= limit : undefined,
    detail: 'web issue’s target'
  }
}

/** The median of `dev`'s runs, from writing the chapter to the served page showing the change. */
function devLoop(size: SizeResult, limit: number): Verdict {
  const row = rowOf(size, 'dev')
  const value = seconds(row)
  return {
    target: `\`dev\`: one chapter saved until the page served shows it, under ${limit * 1000} ms, ${bookName(size)}`,
    measured: Number.isFinite(value) ? `${Math.round(value * 1000)} ms (median of ${row?.times.length})` : '–',
    holds: Number.isFinite(value) ? value < limit : undefined
  }
}

function pagesPerSecond(size: SizeResult, floor: number): Verdict {
  const row = rowOf(size, 'pdf')
  const rate = (row?.pages ?? Number.NaN) / seconds(row)
  return {
    target: `PDF at least ${floor} pages/s, ${bookName(size)}`,
    measured: Number.isFinite(rate) ? `${rate.toFixed(1)} pages/s (${row?.pages} pages in ${fmt.s(seconds(row))})` : '–',
    holds: Number.isFinite(rate) ? rate >= floor : undefined,
    detail: printIssue
  }
}

/** Our PDF's seconds per page over the reference's (pandoc's default HTML printed by raw Chromium). */
function perPage(size: SizeResult, limit: number): Verdict {
  const ours = rowOf(size, 'pdf')
  const reference = rowOf(size, 'reference')
  const value = perPageOf(ours) / perPageOf(reference)
  return {
    target: `PDF time per page at most ${limit}× the reference (pandoc’s HTML, raw Chromium), ${bookName(size)}`,
    measured: Number.isFinite(value) ? `${fmt.x(value)} (${(1000 * perPageOf(ours)).toFixed(0)} ms/page over ${(1000 * perPageOf(reference)).toFixed(0)} ms/page, ${reference?.pages} pages)` : '–',
    holds: Number.isFinite(value) ? value <= limit : undefined,
    detail: printIssue
  }
}

/** Seconds per printed page of a row's median run. */
function perPageOf(row: ReturnType<typeof rowOf>): number {
  return seconds(row) / (row?.pages ?? Number.NaN)
}

/** The guide's whole build (both editions, every format). */
function wholeBuild(size: SizeResult, limit: number): Verdict {
  const value = seconds(rowOf(size, 'all'))
  return {
    target: `The whole build under ${limit} s, ${bookName(size)}`,
    measured: Number.isFinite(value) ? fmt.s(value) : '–',
    holds: Number.isFinite(value) ? value < limit : undefined,
    detail: printIssue
  }
}

/** Judged on PSS (what the tree really holds); the RSS sum is shown, and said when it alone would fail. */
function memory(size: SizeResult, limit: number): Verdict {
  const target = `Peak memory of the whole build under ${limit / GiB} GiB, ${bookName(size)}`
  const row = rowOf(size, 'all')
  if (!row || row.peakPss <= 0) return { target, measured: '–', detail: printIssue }
  const rssFails = row.peakRss >= limit
  return {
    target,
    measured: `${fmt.mib(row.peakPss)} PSS (${fmt.mib(row.peakRss)} as a sum of VmRSS)`,
    holds: row.peakPss < limit,
    detail: rssFails && row.peakPss < limit ? `${printIssue}; by PSS, the VmRSS sum, which counts Chromium’s shared pages once per process, is over` : printIssue
  }
}
