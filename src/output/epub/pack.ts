// The zip, through epub-gen-memory: given finished XHTML documents and the images to pack, it writes the
// mimetype first and stored, renders our templates, reads fonts and images from their file URLs, and packs.
// The library is loaded on first use, so checking the book or printing the PDF does not pay for loading it.
import path from 'node:path'
import { crc32 } from 'node:zlib'
import type { Chapter as EpubChapter, Options as EpubOptions } from 'epub-gen-memory'
import type JSZip from 'jszip'
import type { PackedImage } from './images.js'

export interface PackInput {
  options: EpubOptions
  /** Finished XHTML bodies, in reading order. */
  documents: EpubChapter[]
  images: PackedImage[]
  identifier: string
  /** Every zip entry's timestamp. */
  date: Date
}

/** Files whose data is compressed already: stored as they are, since deflating them again only costs time. */
const compressed = new Set(['.woff', '.woff2', '.png', '.jpg', '.jpeg', '.gif'])

/** Pack the EPUB; the same input gives the same bytes. */
export async function packEpub(input: PackInput): Promise<Buffer> {
  const { EPub } = await import('epub-gen-memory')

  /**
   * Its own HTML clean-up would drop the attributes it does not know (`start`, `scope`), put a placeholder
   * word into empty `alt`s and take a tenth of a second per edition, so it gets empty bodies and the real
   * ones are put back; the images are registered as that clean-up would, with stable names.
   */
  class ReproducibleEPub extends EPub {
    constructor() {
      super(input.options, input.documents.map((document) => ({ ...document, content: '' })))
      this.content.forEach((chapter, index) => (chapter.content = input.documents[index]?.content ?? ''))
      this.images = input.images.map(({ url, id, extension, mediaType }) => ({ url, id, extension, mediaType }))
      this.uuid = input.identifier
    }

    /** Render, pin every zip entry's timestamp, store what is compressed already, deflate the rest, and pack. */
    async pack(): Promise<Buffer> {
      await this.render()
      for (const [name, entry] of Object.entries(this.zip.files)) {
        entry.date = input.date
        if (compressed.has(path.extname(name).toLowerCase())) entry.options.compression = 'STORE'
      }
      await deflateEntries(this.zip)
      return this.generateAsync({ type: 'nodebuffer', mimeType: 'application/epub+zip', compression: 'DEFLATE' })
    }
  }

  return new ReproducibleEPub().pack()
}

/**
 * Deflate the entries JSZip would deflate, through libdeflate (WebAssembly), and give them back to JSZip as
 * compressed data, which it writes as it is (as it does for the entries of a zip it has read).
 *
 * Note: JSZip deflates with pako, which runs as plain JavaScript that V8 has not yet optimised in a run as short
 * as a build: about 60 ms of the guide's 0.6 s, against some 20 ms here (docs/BENCHMARK.md, item 26). Node's own
 * zlib is faster still, but its deflate picks its matches by CPU features (Chromium's zlib hashes with SSE4.2 or
 * ARMv8 CRC instructions where they exist) and changes with Node's version; the WebAssembly module gives the same
 * bytes on every machine, and the lockfile pins it.
 */
async function deflateEntries(zip: JSZip): Promise<void> {
  const [{ deflate }, { default: CompressedObject }, { default: compressions }] = await Promise.all([
    import('libdeflate'),
    import('jszip/lib/compressedObject.js'),
    import('jszip/lib/compressions.js')
  ])
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || (entry.options.compression ?? 'DEFLATE') !== 'DEFLATE') continue
    const data = await entry.async('uint8array')
    if (data.length === 0) continue
    const deflated = deflate(data, level)
    const object = new CompressedObject(deflated.length, data.length, crc32(data), compressions.DEFLATE, deflated)
    zip.file(name, object as unknown as Uint8Array, {
      date: entry.date,
      comment: entry.comment,
      unixPermissions: entry.unixPermissions,
      dosPermissions: entry.dosPermissions,
      binary: true,
      compression: 'DEFLATE',
      createFolders: false
    })
  }
}

/** libdeflate's level 6, its default: a smaller EPUB than zlib's level 6, in less time. */
const level = 6
