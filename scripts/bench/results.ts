// What one bench run found, typed once: per book size, one row per thing timed, and a breakdown of our PDF.

/** The things timed, in the order they are run and reported. */
export const runKeys = ['epub', 'rebuild', 'web', 'pandoc', 'check', 'pdf', 'chromium', 'reference', 'all', 'dev'] as const
export type RunKey = (typeof runKeys)[number]

export interface Row {
  key: RunKey
  label: string
  /** The command as a user would type it. */
  command: string
  /** Wall-clock milliseconds of each run. */
  times: number[]
  /** Highest whole-tree resident memory over the runs (sum of VmRSS), in bytes. */
  peakRss: number
  /** Highest whole-tree proportional memory over the runs (sum of PSS), in bytes. */
  peakPss: number
  /** Pages of the PDF(s) this run printed, for pages per second. */
  pages?: number
  /** Why there are no times (a tool missing, a command not there yet). */
  note?: string
}

export interface SizeResult {
  /** This project's guide, or a generated book. */
  book: 'guide' | 'generated'
  chapters: number
  /** Running-prose words, as the build counts them. */
  words: number
  /** Pages of our student PDF: the size measure for growth. */
  pages: number
  runs: number
  rows: Row[]
  /** Seconds per step of our PDF, measured one step at a time. */
  profile: Array<[step: string, ms: number]>
}

/** The median of `values` (mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** The median seconds of a row, or NaN when it has no runs. */
export function seconds(row: Row | undefined): number {
  return row ? median(row.times) / 1000 : Number.NaN
}

export function rowOf(size: SizeResult | undefined, key: RunKey): Row | undefined {
  return size?.rows.find((r) => r.key === key && r.times.length > 0)
}

/** How the report names a book: “the guide (14 chapters)” or “100 chapters”. */
export function bookName(size: SizeResult): string {
  return size.book === 'guide' ? `the guide (${size.chapters} chapters)` : `${size.chapters} chapters`
}

export const fmt = {
  s: (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)} s` : '–'),
  x: (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–'),
  mib: (bytes: number) => (bytes > 0 ? `${Math.round(bytes / 2 ** 20)} MiB` : '–'),
  n: (value: number) => value.toLocaleString('en-GB')
}
