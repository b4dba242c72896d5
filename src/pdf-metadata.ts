// Chromium writes only the title into a PDF's information dictionary. The author, subject, keywords,
// language and fixed dates (for reproducible files) are set here with pdf-lib, which keeps the structure
// tree, outline and links as they are.
import { PDFDocument } from 'pdf-lib'

export interface PdfMetadata {
  title: string
  authors: string[]
  subject: string
  keywords: string[]
  language: string
  creator: string
  /** Creation and modification date. */
  date: Date
}

/** Return `pdf` with its document information set from `meta`. */
export async function setPdfMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false })
  doc.setTitle(meta.title, { showInWindowTitleBar: true })
  doc.setAuthor(meta.authors.join(', '))
  doc.setSubject(meta.subject)
  doc.setKeywords(meta.keywords)
  doc.setLanguage(meta.language)
  doc.setCreator(meta.creator)
  doc.setProducer('Chromium (Puppeteer) and pdf-lib')
  doc.setCreationDate(meta.date)
  doc.setModificationDate(meta.date)
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false })
}
