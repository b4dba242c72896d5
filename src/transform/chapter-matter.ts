// Read the chapter's YAML front matter into `file.data.matter`, checked by the schema, and remove it from the tree;
// the title's Markdown is kept apart (`file.data.titlePhrasing`) and `matter.title` is its plain text.
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { toString } from 'mdast-util-to-string'
import { fail } from '../core/messages.js'
import { parseInline } from '../markdown/inline.js'
import { chapterMatter } from '../project/schema.js'
import { parseYaml } from '../project/yaml.js'
import '../project/data.js'

/** Validate front matter; a chapter without it, or with a bad key, gets an error at that line. */
export function remarkChapterMatter() {
  return (tree: Root, file: VFile) => {
    const first = tree.children[0]
    if (!first || first.type !== 'yaml') {
      fail(file, 'Missing front matter: a chapter starts with `---`, YAML with at least `title`, `description` and `spoilers`, then `---`', 'missing-front-matter', tree.children[0] ?? { line: 1, column: 1 })
      return
    }
    tree.children.shift()
    const offset = { line: (first.position?.start.line ?? 1) + 1, column: 1 }
    const matter = parseYaml(file, first.value, chapterMatter, offset)
    if (!matter) return
    // The title may hold Markdown (`*Is*`): its phrasing for the heading, its plain text for every other use
    // (contents, EPUB navigation, web pages, handouts, PDF metadata), so no asterisk is ever printed.
    file.data.titlePhrasing = parseInline(matter.data.title)
    const plain = (text: string) => toString({ type: 'paragraph', children: parseInline(text) })
    file.data.matter = { ...matter.data, title: plain(matter.data.title), ...(matter.data.short ? { short: plain(matter.data.short) } : {}) }
    file.data.matterPlaces = matter.places
  }
}
