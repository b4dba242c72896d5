// Read the chapter's YAML front matter into `file.data.matter`, checked by the schema, and remove it from the tree.
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { fail } from '../core/messages.js'
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
    file.data.matter = matter.data
    file.data.matterPlaces = matter.places
  }
}
