// Reading a finished PDF back with pdfjs: open it, ask, always close it; destinations resolved to page indices.
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js'

/** Load pdfjs ahead of need (its import takes a sixth of a second), e.g. while the browser prints. */
export function preloadPdfReader(): void {
  import('pdfjs-dist/legacy/build/pdf.mjs').catch(() => {})
  // In Node pdfjs runs its worker on the main thread, importing it on first use unless it is already here.
  import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    .then((worker) => Object.assign(globalThis, { pdfjsWorker: worker }))
    .catch(() => {})
}

/** Run `read` on the parsed `pdf`; the document is destroyed afterwards whatever happens. */
export async function readPdf<T>(pdf: Uint8Array, read: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise
  try {
    return await read(doc)
  } finally {
    await doc.destroy()
  }
}

/** The 0-based page a link's or bookmark's destination (named or explicit) points at, if it points anywhere. */
export async function destinationPage(doc: PDFDocumentProxy, dest: unknown): Promise<number | undefined> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : (dest as unknown[] | null | undefined)
  if (!explicit) return undefined
  return doc.getPageIndex(explicit[0] as { num: number; gen: number })
}
