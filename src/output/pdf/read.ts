// The one module that reads PDFs, with the one PDF library (pdf-lib, which also assembles the handouts): the
// page count, the page of each named destination (Chromium names one after each linked element's id, in the
// catalog's /Dests) and of each top-level bookmark (its /Dest an explicit destination). The file trailer an
// incremental update appends to is read as the PDF format defines it, from the file's end.
import type { PDFDocument, PDFObject } from 'pdf-lib'

/** A PDF as read: its pages, named destinations and bookmarks. */
export interface ReadPdf {
  pageCount: number
  /** Destination name (the id it was written for) → 0-based page index. */
  destinations: Map<string, number>
  /** The 0-based page of each top-level bookmark, in order. */
  bookmarks: number[]
}

/** `pdf` loaded with pdf-lib (loaded on first use: `check` and an EPUB build never need it), its metadata untouched. */
export async function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  const { PDFDocument } = await import('pdf-lib')
  return PDFDocument.load(pdf, { updateMetadata: false })
}

/** Read `pdf` (as Chromium prints it). */
export async function readPdf(pdf: Uint8Array | PDFDocument): Promise<ReadPdf> {
  const doc = pdf instanceof Uint8Array ? await loadPdf(pdf) : pdf
  const { PDFArray, PDFDict, PDFName, PDFRef } = await import('pdf-lib')
  const pageIndex = new Map(doc.getPages().map((page, index) => [page.ref.toString(), index]))
  // An explicit destination is an array whose first item is the page it points at.
  const pageOf = (dest: PDFObject | undefined): number | undefined => {
    const target = dest instanceof PDFRef ? doc.context.lookup(dest) : dest
    const page = target instanceof PDFArray ? target.get(0) : undefined
    return page instanceof PDFRef ? pageIndex.get(page.toString()) : undefined
  }
  const destinations = new Map<string, number>()
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)
  for (const [name, dest] of dests?.entries() ?? []) {
    const page = pageOf(dest)
    if (page !== undefined) destinations.set(destinationName(name.decodeText()), page)
  }
  const bookmarks: number[] = []
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  for (let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict); item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
    const page = pageOf(item.get(PDFName.of('Dest')))
    if (page !== undefined) bookmarks.push(page)
  }
  return { pageCount: doc.getPageCount(), destinations, bookmarks }
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
