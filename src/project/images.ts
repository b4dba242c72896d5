// Where an image in a chapter may come from: a picture file inside the project, found on disk, reached by no
// link that leads out of it. Anything else (a web address, `data:`, `../../etc/passwd`, a symbolic link to
// /etc) is refused, since the PDF's browser and the EPUB packer would load it.
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { isInside } from '../core/paths.js'

/** Picture types every EPUB reader shows (and the EPUB packer accepts). */
const pictureTypes = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg'])

export type ImageVerdict = { url: string; path: string } | { reason: string; ruleId: string }

/** Check image `url` of a chapter in `chaptersDir`; the file URL and path to use, or why it is refused. */
export async function checkImage(url: string, dirs: { chaptersDir: string; root: string }): Promise<ImageVerdict> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    return { reason: `Image \`${url}\` is not a file in the project: remote and \`data:\` images are refused`, ruleId: 'image-remote' }
  }
  const decoded = decode(url)
  if (decoded === undefined) return { reason: `Image \`${url}\` is not a valid path (a broken \`%\` escape)`, ruleId: 'image-missing' }
  const absolute = path.resolve(dirs.chaptersDir, decoded)
  if (!isInside(dirs.root, absolute)) return { reason: `Image \`${url}\` points outside the project folder`, ruleId: 'image-outside' }
  const relative = path.relative(dirs.root, absolute)
  if (!pictureTypes.has(path.extname(absolute).toLowerCase())) {
    return { reason: `Image \`${url}\` is not a picture file: use PNG, JPEG, GIF or SVG`, ruleId: 'image-type' }
  }
  const found = await stat(absolute).catch(() => undefined)
  if (!found?.isFile()) return { reason: `Image \`${url}\` not found (looked for \`${relative}\`)`, ruleId: 'image-missing' }
  // Note: the checks above read the path as written; a symbolic link inside the project may still lead out.
  if (!isInside(await realpath(dirs.root), await realpath(absolute))) {
    return { reason: `Image \`${url}\` is a link to a file outside the project folder`, ruleId: 'image-outside' }
  }
  return { url: pathToFileURL(absolute).href, path: absolute }
}

function decode(url: string): string | undefined {
  try {
    return decodeURI(url)
  } catch {
    return undefined
  }
}
