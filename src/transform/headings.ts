// The chapter's title becomes its `h1` (id: the slug); every section heading gets a book-wide id
// (`slug-heading`), recorded for the contents, the outline and link checks.
import GithubSlugger from 'github-slugger'
import type { Heading, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { Labels } from '../project/labels.js'
import { blockLabel } from './mdast-build.js'
import '../project/data.js'
import { fail } from '../core/messages.js'

/** Add the title heading (and the spoiler banner of a `spoilers: full` chapter) and give every heading an id. */
export function remarkHeadings(options: { labels: Labels }) {
  return (tree: Root, file: VFile) => {
    const slug = file.data.slug ?? 'chapter'
    const matter = file.data.matter
    const slugger = new GithubSlugger()
    file.data.headings = []
    file.data.ids ??= []
    visit(tree, 'heading', (node: Heading) => {
      if (node.depth === 1) {
        fail(file, 'Use `##` for sections: the chapter title comes from front matter', 'heading-depth', node)
      }
      const text = toString(node)
      const id = `${slug}-${slugger.slug(text)}`
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id } }
      file.data.headings?.push({ depth: node.depth, text, id })
      file.data.ids?.push(id)
    })
    if (!matter) return
    const title: Heading = {
      type: 'heading',
      depth: 1,
      children: structuredClone(file.data.titlePhrasing ?? [{ type: 'text', value: matter.title }]),
      data: { hProperties: { id: slug } }
    }
    file.data.ids.push(slug)
    // Every chapter states its spoiler level at its top; only `full` is a warning.
    const notice = { full: options.labels.spoilerChapter, premise: options.labels.spoilerPremise, none: options.labels.spoilerNone }[matter.spoilers]
    const className = matter.spoilers === 'full' ? ['spoiler', 'spoiler-chapter'] : ['spoiler-level', `spoiler-level-${matter.spoilers}`]
    const banner = [{ type: 'containerDirective' as const, name: 'spoiler', children: [blockLabel(notice)], data: { hName: 'div', hProperties: { className, role: 'note' } } }]
    tree.children.unshift(title, ...(banner as unknown as Root['children']))
  }
}
