// The document information is appended to the printed PDF as an incremental update; real readers (poppler's
// pdfinfo, qpdf's structural check) must accept the result and see every field.
import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { PDFDocument, PDFName, PDFString } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { setPdfMetadata } from '../src/output/pdf/metadata.js'
import { pdfInfo } from './tools.js'

const run = promisify(execFile)
const meta = {
  title: 'Never Let Me Go — “a study guide”',
  authors: ['Ann Author', 'Bo Écrivain'],
  subject: 'A guide (with parentheses) and a backslash \\',
  keywords: ['film', 'adaptation'],
  creator: 'Test Press (Student edition)',
  date: new Date('2024-05-01T00:00:00Z')
}

/** A two-page PDF with a classic cross-reference table, as Chromium writes, dated now. */
async function printed(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.addPage()
  doc.addPage()
  const now = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
  for (const key of ['CreationDate', 'ModDate']) doc.getInfoDict().set(PDFName.of(key), PDFString.of(`D:${now}+00'00'`))
  return doc.save({ useObjectStreams: false })
}

describe('setPdfMetadata', () => {
  it('should append document information that pdfinfo reads and qpdf finds sound', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nlmg-meta-'))
    const file = path.join(dir, 'out.pdf')
    const original = await printed()
    const updated = await setPdfMetadata(original, meta)
    // An update: the printed bytes are kept (only the old dates are overwritten, at the same length).
    expect(updated.length).toBeGreaterThan(original.length)
    expect(Buffer.from(updated.subarray(0, 8)).toString()).toBe(Buffer.from(original.subarray(0, 8)).toString())
    await writeFile(file, updated)
    const info = await pdfInfo(file)
    expect(info).toMatchObject({
      Title: meta.title,
      Author: 'Ann Author, Bo Écrivain',
      Subject: meta.subject,
      Keywords: 'film, adaptation',
      Creator: meta.creator,
      Pages: '2'
    })
    expect(info.CreationDate).toMatch(/May\s+1 00:00:00 2024/)
    expect(info.ModDate).toMatch(/May\s+1 00:00:00 2024/)
    const check = await run('qpdf', ['--check', file])
    expect(check.stdout).toContain('No syntax or stream encoding errors found')
  })

  it('should give the same bytes for the same PDF, whenever it was printed', async () => {
    const original = await printed()
    const later = new Uint8Array(original)
    // A print a second later differs only in its dates: after the update the files are identical.
    const text = Buffer.from(later).toString('latin1').replace(/D:\d{14}/g, 'D:20991231235959')
    later.set(Buffer.from(text, 'latin1'))
    expect(Buffer.from(later).equals(Buffer.from(original))).toBe(false)
    expect(Buffer.from(await setPdfMetadata(later, meta)).equals(Buffer.from(await setPdfMetadata(original, meta)))).toBe(true)
  })

  it('should refuse, with a reason, a PDF whose cross-references are a stream', async () => {
    const doc = await PDFDocument.create()
    doc.addPage()
    const streamed = await doc.save({ useObjectStreams: true })
    await expect(setPdfMetadata(streamed, meta)).rejects.toThrow(/no classic cross-reference table/)
  })
})
