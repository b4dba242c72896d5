// The one module that reads PDFs, through pdf-lib: the page count, the page of each named destination (what
// Chromium names after an element's id) and of each top-level bookmark, and the trailer an update appends to.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString, type PDFObject } from 'pdf-lib'

/** Chromium writes a destination's name as the UTF-8 bytes of its id. */
const utf8 = new TextDecoder()

/** A PDF as read: its pages, named destinations and bookmarks. */
export interface ReadPdf {
  pageCount: number
  /** Destination name → 0-based page index. */
  destinations: Map<string, number>
  /** The 0-based page of each top-level bookmark, in order. */
  bookmarks: number[]
  /** What an incremental update must name: the object count, the catalog, the file's id. */
  trailer: { size: number; root: string; id?: string }
}

/** Read `pdf` (as Chromium prints it). */
export async function readPdf(pdf: Uint8Array): Promise<ReadPdf> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false })
  const pages = new Map(doc.getPages().map((page, index) => [page.ref, index]))
  const pageOf = (dest: PDFObject | undefined): number | undefined => {
    const target = resolve(doc, dest)
    if (target instanceof PDFArray) return pages.get(target.get(0) as PDFRef)
    if (target instanceof PDFDict) return pageOf(target.get(PDFName.of('D')))
    return undefined
  }
  const destinations = new Map<string, number>()
  const named = (key: string, dest: PDFObject | undefined) => {
    const page = pageOf(dest)
    if (page !== undefined) destinations.set(idOf(key), page)
  }
  // PDF 1.1's /Dests dictionary in the catalog, or PDF 1.2's name tree under /Names.
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)
  for (const [key, value] of dests?.entries() ?? []) named(utf8.decode(key.asBytes()), value)
  walkNameTree(doc, doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict), named, 0)
  const bookmarks: number[] = []
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  for (let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict); item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
    const page = pageOf(item.get(PDFName.of('Dest'))) ?? pageOf(item.lookupMaybe(PDFName.of('A'), PDFDict)?.get(PDFName.of('D')))
    if (page !== undefined) bookmarks.push(page)
  }
  const { Root, ID } = doc.context.trailerInfo
  return {
    pageCount: pages.size,
    destinations,
    bookmarks,
    trailer: { size: doc.context.largestObjectNumber + 1, root: String(Root), id: ID ? String(ID) : undefined }
  }
}

/** A reference or a destination name, looked up until it is an array or a dictionary. */
function resolve(doc: PDFDocument, value: PDFObject | undefined): PDFObject | undefined {
  const object = value instanceof PDFRef ? doc.context.lookup(value) : value
  if (object instanceof PDFString || object instanceof PDFHexString || object instanceof PDFName) return undefined
  return object
}

/** Every key and value of a name tree (its /Names pairs and /Kids), to a bounded depth. */
function walkNameTree(doc: PDFDocument, node: PDFDict | undefined, each: (key: string, value: PDFObject | undefined) => void, depth: number) {
  if (!node || depth > 32) return
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray)
  for (let i = 0; names && i + 1 < names.size(); i += 2) {
    const key = names.lookup(i)
    if (key instanceof PDFString || key instanceof PDFHexString) each(key.decodeText(), names.get(i + 1))
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray)
  for (let i = 0; kids && i < kids.size(); i++) walkNameTree(doc, kids.lookupMaybe(i, PDFDict), each, depth + 1)
}

/** The id a destination is named after: Chromium percent-encodes it (`…-mise-en-sc%C3%A8ne` for `…-mise-en-scène`). */
function idOf(name: string): string {
  try {
    return decodeURIComponent(name)
  } catch {
    return name // Not percent-encoded after all (a lone `%`): the name is the id.
  }
}
