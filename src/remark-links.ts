// Check and rewrite the author's links and images. Chapter links (`05-themes.md#memory`) become book-wide
// anchors (`#themes-memory`); images must be local files inside the project, with alternative text.
import { access } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Image, Link, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import './types.js'

export interface LinkOptions {
  /** Folder the chapters' relative image paths start from. */
  chaptersDir: string
  /** Nothing outside this folder may be loaded. */
  root: string
}

const chapterLink = /^\d+-([a-z0-9]+(?:-[a-z0-9]+)*)\.md(?:#(.+))?$/
const external = /^(?:https?:|mailto:)/i

/** Validate links and images; record every internal target for the book-wide check. */
export function remarkLinks(options: LinkOptions) {
  return async (tree: Root, file: VFile) => {
    const slug = file.data.slug ?? 'chapter'
    file.data.references ??= []
    file.data.images = []
    const fail = (node: Link | Image, reason: string, ruleId: string) => {
      const message = file.message(reason, { place: node.position, ruleId, source: 'nlmg' })
      message.fatal = true
    }
    const images: Image[] = []
    visit(tree, (node) => {
      if (node.type === 'image') images.push(node)
      if (node.type !== 'link') return
      const url = node.url
      if (external.test(url)) return
      const local = url.startsWith('#') ? { slug, fragment: url.slice(1) } : matchChapter(url)
      if (!local) {
        fail(node, `Link \`${url}\` is neither a chapter (\`NN-slug.md#section\`), a section (\`#section\`) nor a web address`, 'link-target')
        return
      }
      const id = local.fragment ? `${local.slug}-${local.fragment}` : local.slug
      node.url = `#${id}`
      file.data.references?.push({ id, kind: 'link', place: node.position?.start })
    })
    for (const node of images) {
      if (!node.alt || node.alt.trim() === '') fail(node, `Image \`${node.url}\` has no alternative text: describe it in \`![…](…)\``, 'image-alt')
      if (/^[a-z][a-z0-9+.-]*:/i.test(node.url)) {
        fail(node, `Image \`${node.url}\` is not a file in the project: remote and \`data:\` images are refused`, 'image-remote')
        continue
      }
      const absolute = path.resolve(options.chaptersDir, decodeURI(node.url))
      const relative = path.relative(options.root, absolute)
      if (relative.startsWith('..') || path.isAbsolute(relative)) {
        fail(node, `Image \`${node.url}\` points outside the project folder`, 'image-outside')
        continue
      }
      try {
        await access(absolute)
      } catch {
        fail(node, `Image \`${node.url}\` not found (looked for \`${relative}\`)`, 'image-missing')
        continue
      }
      node.url = pathToFileURL(absolute).href
      file.data.images.push(absolute)
    }
  }
}

function matchChapter(url: string) {
  const match = chapterLink.exec(url)
  return match ? { slug: match[1] as string, fragment: match[2] } : undefined
}
