// The book's images as packed into the EPUB. Each file gets a name that depends only on its place in the
// project (so builds in different folders or on different machines agree) and the media type readers need;
// epub.ts reads each from its file, so nothing is fetched from a network.
import { createHash } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** EPUB 3.2 core media types for images; readers need not show anything else. */
const mediaTypes: Readonly<Record<string, string>> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml' }

/** One image as packed (as `images/{id}.{extension}`), and whether it is the cover. */
export interface PackedImage {
  url: string
  id: string
  extension: string
  mediaType: string
  cover: boolean
  /** The image's bytes when it was made by the build (the default cover), not read from a file. */
  data?: Uint8Array
}

/** A registry of the images one EPUB packs, in the order they were first used. */
export function imagePack(root: string) {
  const byUrl = new Map<string, PackedImage>()
  return {
    /** The path inside the EPUB (relative to its documents) of the image at file URL `url`. */
    href(url: string, cover = false): string {
      let image = byUrl.get(url)
      if (!image) {
        image = packedImage(root, url, cover)
        byUrl.set(url, image)
      }
      return `images/${image.id}.${image.extension}`
    },
    /** Register an image the build made (`name` is its file name, e.g. `cover.svg`); the path inside the EPUB. */
    add(name: string, data: Uint8Array, cover = false): string {
      const url = `generated:${name}`
      const image = { ...packedImage(root, pathToFileURL(path.join(root, name)).href, cover), url, data }
      byUrl.set(url, image)
      return `images/${image.id}.${image.extension}`
    },
    /** Every image registered so far. */
    images(): PackedImage[] {
      return [...byUrl.values()]
    }
  }
}

export type ImagePack = ReturnType<typeof imagePack>

function packedImage(root: string, url: string, cover: boolean): PackedImage {
  // Note: links were checked before (remark-links); anything else here is a bug, not a content problem.
  if (!url.startsWith('file:')) throw new Error(`Image \`${url}\` is not a local file: EPUB images are packed from the project`)
  const relative = path.relative(root, fileURLToPath(url)).split(path.sep).join('/')
  const extension = path.extname(relative).slice(1).toLowerCase()
  const mediaType = mediaTypes[extension]
  if (!mediaType) throw new Error(`Image \`${relative}\`: .${extension} files are not shown by every reader; use PNG, JPEG, GIF or SVG`)
  const stem = path.basename(relative, path.extname(relative)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'image'
  const hash = createHash('sha256').update(relative).digest('hex').slice(0, 8)
  return { url, id: `${stem}-${hash}`, extension, mediaType, cover }
}
