// The zip, through epub-gen-memory: given finished XHTML documents and the images to pack, it writes the
// mimetype first and stored, renders our templates, reads fonts and images from their file URLs, and packs.
// The library is loaded on first use, so checking the book or printing the PDF does not pay for loading it.
import path from 'node:path'
import type { Chapter as EpubChapter, Options as EpubOptions } from 'epub-gen-memory'
import type { PackedImage } from './epub-images.js'

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

    /** Render, pin every zip entry's timestamp, store what is compressed already, and pack. */
    async pack(): Promise<Buffer> {
      await this.render()
      for (const [name, entry] of Object.entries(this.zip.files)) {
        entry.date = input.date
        if (compressed.has(path.extname(name).toLowerCase())) entry.options.compression = 'STORE'
      }
      return this.generateAsync({ type: 'nodebuffer', mimeType: 'application/epub+zip', compression: 'DEFLATE', compressionOptions: { level: 6 } })
    }
  }

  return new ReproducibleEPub().pack()
}
