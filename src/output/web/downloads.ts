// The download section: the files this build made for one edition (the guide's PDF and EPUB, the handout pack,
// each handout), copied into the site so it can be deployed alone, each listed with its size and page count.
// It lists what the build made and nothing else: without a browser there are no PDFs, so none are offered.
import path from 'node:path'
import type { Chapter } from '../../book/book.js'
import type { Output } from '../../core/write.js'

/** One file offered for download, as the home page lists it. */
export interface Download {
  /** What the file is; the template words it. */
  kind: 'pdf' | 'epub' | 'pack' | 'handout'
  /** The site-relative link. */
  href: string
  /** The chapter a handout belongs to. */
  chapter?: string
  /** Size in words a reader understands (`1.4 MB`). */
  size: string
  pages?: number
}

/** The order the list follows: the guide first, then the handouts as one pack, then each handout in chapter order. */
const rank: Record<Download['kind'], number> = { pdf: 0, epub: 1, pack: 2, handout: 3 }

/** The downloads among `built` (this edition's outputs, paths relative to the output folder) and their copies in the site. */
export function downloads(built: Output[], options: { edition: string; filename: string; chapters: Chapter[] }): { list: Download[]; copies: Output[] } {
  const titles = new Map(options.chapters.map(({ file }) => [file.data.slug as string, file.data.matter?.title ?? (file.data.slug as string)]))
  const prefix = `${options.edition}/`
  const list: Download[] = []
  const copies: Output[] = []
  for (const output of built) {
    if (!output.path.startsWith(prefix)) continue
    const relative = output.path.slice(prefix.length)
    const kind = kindOf(relative, options.filename)
    if (!kind) continue
    const href = `downloads/${relative}`
    const bytes = typeof output.data === 'string' ? Buffer.byteLength(output.data) : output.data.byteLength
    const slug = kind === 'handout' ? path.basename(relative, '.pdf').replace(/^\d+-/, '') : undefined
    list.push({ kind, href, chapter: slug === undefined ? undefined : titles.get(slug), size: formatSize(bytes), pages: output.pages })
    copies.push({ path: `${prefix}web/${href}`, data: output.data })
  }
  list.sort((a, b) => rank[a.kind] - rank[b.kind] || a.href.localeCompare(b.href))
  return { list, copies }
}

function kindOf(relative: string, filename: string): Download['kind'] | undefined {
  if (relative === `${filename}.pdf`) return 'pdf'
  if (relative === `${filename}.epub`) return 'epub'
  if (relative === `${filename}-handouts.pdf`) return 'pack'
  if (relative.startsWith('handouts/') && relative.endsWith('.pdf')) return 'handout'
  return undefined
}

/** Bytes as kB or MB, counted as the build's own report and most browsers count them (1 kB = 1,024 bytes). */
export function formatSize(bytes: number): string {
  if (bytes < 1_048_576) return `${Math.max(1, Math.round(bytes / 1024))} kB`
  return `${(bytes / 1_048_576).toFixed(1)} MB`
}
