// The targets the build is judged against, each with what was measured and whether it holds.
import { bookName, fmt, rowOf, seconds, type RunKey, type SizeResult } from './results.js'

export interface Verdict {
  target: string
  measured: string
  /** Undefined when something it needs was not measured. */
  holds?: boolean
  /** A word on how the verdict was reached, when a figure alone would mislead. */
  detail?: string
}

const GiB = 2 ** 30

/**
 * Every target: the guide-size ones on the guide and on generated books of up to 20 chapters, the book-scale ones
 * on the largest book, growth from the smallest to the largest generated book.
 */
export function verdicts(sizes: SizeResult[]): Verdict[] {
  const { small, large } = growthPair(sizes)
  const largest = sizes.reduce((a, b) => (b.pages > a.pages ? b : a))
  const guideSize = sizes.filter((s) => s !== largest && (s.book === 'guide' || s.chapters <= 20))
  return [
    ...guideSize.map((size) => ratio(size, 'epub', 'pandoc', 1.0, 'EPUB, first build, at most 1.0× pandoc')),
    ratio(largest, 'epub', 'pandoc', 0.6, 'EPUB, first build, at most 0.6× pandoc'),
    // A user builds again and again: with the chapter cache, an unchanged chapter is not processed again.
    ...[...guideSize, largest].flatMap((size) => [
      ratio(size, 'epub-edit', 'pandoc', 1.0, 'EPUB rebuilt after one chapter changed, at most 1.0× pandoc'),
      ratio(size, 'epub-warm', 'pandoc', 1.0, 'EPUB rebuilt with nothing changed, at most 1.0× pandoc')
    ]),
    ...sizes.map((size) => ratio(size, 'pdf', 'chromium', 1.5, 'PDF at most 1.5× raw Chromium')),
    pagesPerSecond(largest, 100),
    // Growth needs two generated sizes.
    ...(small && large ? (['epub', 'pdf', 'all'] as const).map((key) => growth(small, large, key)) : []),
    memory(largest, GiB)
  ]
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

function ratio(size: SizeResult, ours: RunKey, theirs: RunKey, limit: number, target: string): Verdict {
  const a = seconds(rowOf(size, ours))
  const b = seconds(rowOf(size, theirs))
  const value = a / b
  return {
    target: `${target}, ${bookName(size)}`,
    measured: `${fmt.x(value)} (${fmt.s(a)} / ${fmt.s(b)})`,
    holds: Number.isFinite(value) ? value <= limit : undefined
  }
}

function pagesPerSecond(size: SizeResult, floor: number): Verdict {
  const row = rowOf(size, 'pdf')
  const rate = (row?.pages ?? Number.NaN) / seconds(row)
  return {
    target: `PDF at least ${floor} pages/s, ${bookName(size)}`,
    measured: Number.isFinite(rate) ? `${rate.toFixed(1)} pages/s (${row?.pages} pages in ${fmt.s(seconds(row))})` : '–',
    holds: Number.isFinite(rate) ? rate >= floor : undefined
  }
}

function growth(small: SizeResult, large: SizeResult, key: RunKey): Verdict {
  const { time, pages } = growthOf(small, large, key)
  const name = { epub: 'EPUB', pdf: 'PDF', all: 'whole build' }[key as 'epub' | 'pdf' | 'all']
  return {
    target: `${name} time grows no faster than pages (≤ 1.1 × pages ratio), ${small.chapters} → ${large.chapters} chapters`,
    measured: `time ${fmt.x(time)}, pages ${fmt.x(pages)}`,
    holds: Number.isFinite(time) && Number.isFinite(pages) ? time <= pages * 1.1 : undefined
  }
}

/** Judged on PSS (what the tree really holds); the RSS sum is shown, and said when it alone would fail. */
function memory(size: SizeResult, limit: number): Verdict {
  const row = rowOf(size, 'all')
  if (!row || row.peakPss <= 0) return { target: `Peak memory of the whole build under ${limit / GiB} GiB, ${bookName(size)}`, measured: '–' }
  const rssFails = row.peakRss >= limit
  return {
    target: `Peak memory of the whole build under ${limit / GiB} GiB, ${bookName(size)}`,
    measured: `${fmt.mib(row.peakPss)} PSS (${fmt.mib(row.peakRss)} as a sum of VmRSS)`,
    holds: row.peakPss < limit,
    detail: rssFails && row.peakPss < limit ? 'by PSS; the VmRSS sum, which counts Chromium’s shared pages once per process, is over' : undefined
  }
}
