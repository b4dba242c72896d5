// Checks on a built PDF that do not trust the pipeline: the contents page is read back as text, and each
// entry's printed page number is compared with the page on which that heading stands.
import { pdfPages } from './tools.js'

export interface ChapterTitle {
  title: string
  running: string
}

export interface ContentsEntry {
  text: string
  page: number
}

const normal = (text: string) => text.replace(/\u00AD/g, '').replace(/-\n/g, '').replace(/\s+/g, ' ').trim()

/** A contents line in pdftotext's layout mode: the title, a run of spaces where the leader was, the number. */
const entryLine = /^\s*(\S.*?)\s{3,}(\d+)\s*$/

/** The contents entries as printed (a wrapped title is joined to the line that carries its number). */
export function readContents(pages: string[]): ContentsEntry[] {
  const start = pages.findIndex((p) => /^\s*Contents\s*$/m.test(p))
  const entries: ContentsEntry[] = []
  for (let n = start; n >= 0 && n < pages.length; n++) {
    // The list of figures follows the contents, on the same pattern: its entries are checked the same way.
    const lines = (pages[n] as string).split('\n').filter((l) => l.trim() !== '' && !['Contents', 'Figures'].includes(l.trim()) && !/^\s*\d+\s*$/.test(l))
    if (lines.filter((l) => entryLine.test(l)).length < lines.length / 2) break
    let pending = ''
    for (const line of lines) {
      const match = entryLine.exec(line)
      if (!match) {
        pending = `${pending} ${line}`
        continue
      }
      entries.push({ text: normal(`${pending} ${match[1]}`), page: Number(match[2]) })
      pending = ''
    }
  }
  return entries
}

/** Every mismatch between the contents, the pages and the running heads; empty when the PDF is right. */
export async function contentsProblems(file: string, chapters: ChapterTitle[]): Promise<string[]> {
  const pages = await pdfPages(file)
  const entries = readContents(pages)
  const problems: string[] = []
  for (const entry of entries) {
    const page = pages[entry.page - 1]
    if (!page || !normal(page).includes(entry.text)) problems.push(`contents says “${entry.text}” is on page ${entry.page}, but it is not there`)
  }
  const starts = chapters.map((c) => ({ ...c, page: entries.find((e) => e.text === normal(c.title))?.page ?? -1 }))
  for (const chapter of starts) if (chapter.page < 0) problems.push(`chapter “${chapter.title}” is missing from the contents`)
  const first = Math.min(...starts.map((c) => c.page).filter((p) => p > 0))
  for (let n = first; n <= pages.length; n++) {
    const owner = [...starts].reverse().find((c) => c.page > 0 && c.page <= n)
    const head = (pages[n - 1] ?? '').split('\n').find((l) => l.trim() !== '')?.trim() ?? ''
    if (owner && head !== owner.running.toUpperCase()) problems.push(`page ${n}: running head “${head}”, expected “${owner.running.toUpperCase()}”`)
  }
  return problems
}

/** Pages whose last line of text (above the page number) is a contents heading: a heading left at the foot. */
export async function strandedHeadings(file: string): Promise<string[]> {
  const pages = await pdfPages(file)
  const headings = new Set(readContents(pages).map((e) => e.text))
  return pages.flatMap((page, i) => {
    const lines = page.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^\d+$/.test(l))
    const last = normal(lines.at(-1) ?? '')
    return headings.has(last) ? [`page ${i + 1} ends with the heading “${last}”`] : []
  })
}

/**
 * Lines of running text on `pages` as pdftotext lays them out: a table row or a contents entry (columns apart
 * by three spaces or more) is not running text, nor is a line under 20 characters (a heading, a folio, the
 * last words of a paragraph).
 */
export function bodyLines(pages: string[]): string[] {
  return pages.flatMap((page) => page.split('\n').map((l) => l.trim())).filter((l) => l.length >= 20 && !/\s{3}/.test(l))
}

/** The median of `values`. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** Pages (1-based) holding fewer than `least` lines of text, the running head and the folio counted. */
export function shortPages(pages: string[], least = 7): number[] {
  return pages.flatMap((page, i) => (page.split('\n').filter((l) => l.trim() !== '').length < least ? [i + 1] : []))
}

/** Lines of nothing but punctuation: a stranded mark. A run of underscores is a blank to write in, not one. */
export function punctuationLines(pages: string[]): string[] {
  return pages.flatMap((page, i) =>
    page.split('\n').flatMap((l) => (/^[\s\p{P}\p{S}]+$/u.test(l) && !/^[\s_]+$/.test(l) ? [`page ${i + 1}: “${l.trim()}”`] : []))
  )
}

/** Words with a soft hyphen inside them, as a reader's search or copy would meet them. */
export function softHyphenated(pages: string[]): string[] {
  return pages.join('\n').match(/\S*\u00AD\S*/g) ?? []
}
