// The one module that reads PDFs. Chromium's own PDFs are read with pdfjs, which reads a file lazily (a
// 500-page book's destinations in a fraction of what parsing every object would take): the page count, the page of
// each named destination (Chromium names one after each linked element's id) and of each top-level bookmark.
// The file trailer an incremental update appends to is read as the PDF format defines it, from the file's end.
import type { PDFDocumentProxy } from 'pdfjs-dist'

/** A PDF as read: its pages, named destinations and bookmarks. */
export interface ReadPdf {
  pageCount: number
  /** Destination name (the id it was written for) → 0-based page index. */
  destinations: Map<string, number>
  /** The 0-based page of each top-level bookmark, in order. */
  bookmarks: number[]
}

let loading: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined

/** pdfjs, with its worker on this thread (in Node it runs there anyway), loaded on first use. */
function loadPdfjs() {
  loading ??= Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]).then(([pdfjs, worker]) => {
    Object.assign(globalThis, { pdfjsWorker: worker })
    return pdfjs
  })
  return loading
}

/** Read `pdf` (as Chromium prints it); the document is released whatever happens. */
export async function readPdf(pdf: Uint8Array): Promise<ReadPdf> {
  const { getDocument } = await loadPdfjs()
  const doc = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise
  try {
    const destinations = new Map<string, number>()
    for (const [name, dest] of Object.entries(await doc.getDestinations())) {
      const page = await pageOf(doc, dest)
      if (page !== undefined) destinations.set(destinationName(name), page)
    }
    const bookmarks: number[] = []
    for (const item of ((await doc.getOutline()) ?? []) as Array<{ dest: unknown }>) {
      const page = await pageOf(doc, item.dest)
      if (page !== undefined) bookmarks.push(page)
    }
    return { pageCount: doc.numPages, destinations, bookmarks }
  } finally {
    await doc.destroy()
  }
}

/** The 0-based page a destination (named or explicit) points at, if it points anywhere. */
async function pageOf(doc: PDFDocumentProxy, dest: unknown): Promise<number | undefined> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : (dest as unknown[] | null | undefined)
  if (!explicit) return undefined
  return doc.getPageIndex(explicit[0] as { num: number; gen: number })
}

/** The id a destination was named after: Chromium writes the id percent-encoded, as in a URL's fragment. */
function destinationName(name: string): string {
  try {
    return decodeURIComponent(name)
  } catch {
    return name
  }
}

/** What an incremental update must name: the object count, the catalog, the file's id, the last cross-reference section. */
export interface Trailer {
  size: number
  root: string
  id?: string
  startxref: number
}

/** The last trailer of a PDF with a classic cross-reference table (what Chromium writes), from the file's end. */
export function readTrailer(pdf: Uint8Array): Trailer {
  const tail = new TextDecoder('latin1').decode(pdf.subarray(Math.max(0, pdf.length - 2048)))
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1]
  const trailerAt = tail.lastIndexOf('trailer')
  const xref = startxref === undefined ? '' : new TextDecoder('latin1').decode(pdf.subarray(Number(startxref), Number(startxref) + 4))
  if (!startxref || trailerAt < 0 || xref !== 'xref') {
    throw new Error('The printed PDF has no classic cross-reference table and trailer (has the browser changed how it writes PDFs?)')
  }
  const dictionary = tail.slice(trailerAt, tail.lastIndexOf('startxref'))
  const size = /\/Size (\d+)/.exec(dictionary)?.[1]
  const root = /\/Root (\d+ \d+ R)/.exec(dictionary)?.[1]
  if (!size || !root) throw new Error("The printed PDF's trailer names no /Size or /Root")
  return { size: Number(size), root, id: /\/ID\s*(\[[^\]]*\])/.exec(dictionary)?.[1], startxref: Number(startxref) }
}
