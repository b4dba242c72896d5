// The EPUB's zip (OCF), through JSZip's public API. The mimetype entry comes first and stored, as the OCF
// specification requires, so that a reader can tell the file's type from its first bytes. Every entry carries
// the one date it is given (JSZip otherwise stamps each with the clock), and there are no folder entries (JSZip
// would date those by the clock too; a zip needs none). The library is loaded on first use, so checking the
// book or printing the PDF does not pay for loading it.
import path from 'node:path'

/** One file of the EPUB: its path inside the zip and its content. */
export interface EpubEntry {
  name: string
  data: string | Uint8Array
}

/** Files whose data is compressed already: stored as they are, since deflating them again only costs time. */
const compressed = new Set(['.woff', '.woff2', '.png', '.jpg', '.jpeg', '.gif'])

/** zlib's usual trade of size for time (pako's default); level 9 makes the guide's EPUB only 0.3 % smaller. */
const level = 6

/** Zip `entries` (after the mimetype) into an EPUB, every entry dated `date`: the same input, the same bytes. */
export async function packEpub(entries: EpubEntry[], date: Date): Promise<Buffer> {
  const { default: JSZip } = await import('jszip')
  const zip = new JSZip()
  zip.file('mimetype', 'application/epub+zip', { date, compression: 'STORE', createFolders: false })
  for (const { name, data } of entries) {
    const compression = compressed.has(path.extname(name).toLowerCase()) ? 'STORE' : 'DEFLATE'
    zip.file(name, data, { date, compression, createFolders: false })
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level }, mimeType: 'application/epub+zip' })
}
