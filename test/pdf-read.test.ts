// The one PDF reader: named destinations as Chromium writes them (ids percent-encoded, as in a URL's fragment),
// bookmarks and the page count.
import { PDFDocument, PDFName } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { readPdf } from '../src/output/pdf/read.js'

describe('readPdf', () => {
  it('should name each destination after the id it was written for, accented ids included', async () => {
    const doc = await PDFDocument.create()
    const pages = [doc.addPage(), doc.addPage(), doc.addPage()]
    const dests = doc.context.obj({})
    // What Chromium writes for `id="mise-en-scène"` and `id="plot"`.
    dests.set(PDFName.of('mise-en-sc%C3%A8ne'), doc.context.obj([pages[2]?.ref, PDFName.of('XYZ'), 0, 0, 0]))
    dests.set(PDFName.of('plot'), doc.context.obj([pages[1]?.ref, PDFName.of('XYZ'), 0, 0, 0]))
    doc.catalog.set(PDFName.of('Dests'), dests)
    const read = await readPdf(await doc.save({ useObjectStreams: false }))
    expect(read.pageCount).toBe(3)
    expect(Object.fromEntries(read.destinations)).toEqual({ 'mise-en-scène': 2, plot: 1 })
  })
})
