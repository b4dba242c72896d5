// Check and rewrite the author's links and images. Chapter links (`05-themes.md#memory`) become book-wide
// anchors (`#themes-memory`); images must be local files inside the project, with alternative text. What is
// refused leaves the tree (a link keeps its text), so nothing unchecked reaches the HTML.
import type { Image, Link, Nodes, Parent, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { fail } from '../core/messages.js'
import { checkImage } from '../project/images.js'
import { resolveReferences } from './link-references.js'
import '../project/data.js'

export interface LinkOptions {
  /** Folder the chapters' relative image paths start from. */
  chaptersDir: string
  /** Nothing outside this folder may be loaded. */
  root: string
}

const chapterLink = /^\d+-([a-z0-9]+(?:-[a-z0-9]+)*)\.md(?:#(.+))?$/
const external = /^(?:(https?):\/\/[^/]|(mailto):)/i

/** Validate links and images; record every internal target for the book-wide check. */
export function remarkLinks(options: LinkOptions) {
  return async (tree: Root, file: VFile) => {
    file.data.references ??= []
    file.data.images = []
    // Note: `[text][id]` with `[id]: url` elsewhere would otherwise reach the HTML unchecked.
    resolveReferences(tree)
    const refused = new Set<Nodes>()
    const images: Image[] = []
    visit(tree, (node) => {
      if (node.type === 'image') images.push(node)
      if (node.type === 'link' && !checkLink(node, file)) refused.add(node)
    })
    for (const node of images) {
      const verdict = await checkImage(node.url, options)
      // A purely decorative image says so in its title and keeps an empty alternative text, as WCAG asks.
      const decorative = node.alt === '' && node.title === 'decorative'
      if (decorative) node.title = null
      else if (!node.alt || node.alt.trim() === '') fail(file, `Image \`${node.url}\` has no alternative text: describe it in \`![…](…)\`, or mark a purely decorative one \`![](${node.url} "decorative")\``, 'image-alt', node)
      if ('ruleId' in verdict) {
        fail(file, verdict.reason, verdict.ruleId, node)
        refused.add(node)
        continue
      }
      node.url = verdict.url
      file.data.images.push(verdict.path)
    }
    if (refused.size > 0) remove(tree, refused)
  }
}

/** Whether `node` is a web, mail, section or chapter link; a chapter or section link is rewritten and recorded. */
function checkLink(node: Link, file: VFile): boolean {
  const url = node.url
  const web = external.exec(url)
  if (web) {
    // URL schemes are case-insensitive; the HTML allow-list compares them in lower case.
    const scheme = (web[1] ?? web[2]) as string
    node.url = scheme.toLowerCase() + url.slice(scheme.length)
    return true
  }
  const slug = file.data.slug ?? 'chapter'
  const local = url.startsWith('#') ? { slug, fragment: url.slice(1) } : matchChapter(url)
  if (!local) {
    fail(file, `Link \`${url}\` is neither a chapter (\`NN-slug.md#section\`), a section (\`#section\`) nor a web address`, 'link-target', node)
    return false
  }
  const id = local.fragment ? `${local.slug}-${local.fragment}` : local.slug
  node.url = `#${id}`
  file.data.references?.push({ id, kind: 'link', place: node.position?.start, written: url, text: toString(node) })
  return true
}

function matchChapter(url: string) {
  const match = chapterLink.exec(url)
  return match ? { slug: match[1] as string, fragment: match[2] } : undefined
}

/** Take refused links and images out of the tree: a link leaves its text, an image nothing. */
function remove(tree: Root, refused: Set<Nodes>) {
  visit(tree, (node, index, parent: Parent | undefined) => {
    if (!parent || index === undefined || !refused.has(node as Nodes)) return
    const keep = node.type === 'link' ? node.children : []
    parent.children.splice(index, 1, ...(keep as Parent['children']))
    return index
  })
}
