// Reading a finished PDF back with pdfjs: open it, ask, always close it; destinations resolved to page indices.
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js'

let loading: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined

/**
 * pdfjs, with its worker on this thread (in Node it runs there anyway, importing it on first use). Its
 * legacy build polyfills `Uint8Array.fromBase64` in JavaScript, for every module: Puppeteer then decodes
 * each PDF Chromium sends with it, about a second per 20 MB, so the polyfill is swapped for Node's decoder.
 */
function loadPdfjs() {
  loading ??= (async () => {
    const native = 'fromBase64' in Uint8Array
    const [pdfjs, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')])
    Object.assign(globalThis, { pdfjsWorker: worker })
    if (!native) {
      const fromBase64 = (text: string) => Uint8Array.from(Buffer.from(text, 'base64'))
      Object.defineProperty(Uint8Array, 'fromBase64', { value: fromBase64, configurable: true, writable: true })
    }
    return pdfjs
  })()
  return loading
}

/** Run `read` on the parsed `pdf`; the document is destroyed afterwards whatever happens. */
export async function readPdf<T>(pdf: Uint8Array, read: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const { getDocument } = await loadPdfjs()
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
