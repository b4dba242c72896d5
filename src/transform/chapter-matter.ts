// Read the chapter's YAML front matter into `file.data.matter`, checked by the schema, and remove it from the tree.
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { chapterMatter } from '../project/schema.js'
import { parseYamlData } from '../project/yaml.js'
import '../core/data.js'

/** Validate front matter; a chapter without it, or with a bad key, gets an error at that line. */
export function remarkChapterMatter() {
  return (tree: Root, file: VFile) => {
    const first = tree.children[0]
    if (!first || first.type !== 'yaml') {
      const message = file.message('Missing front matter: a chapter starts with `---`, YAML with at least `title`, `description` and `spoilers`, then `---`', {
        place: { line: 1, column: 1 },
        ruleId: 'missing-front-matter',
        source: 'nlmg'
      })
      message.fatal = true
      return
    }
    tree.children.shift()
    const offset = { line: (first.position?.start.line ?? 1) + 1, column: 1 }
    const matter = parseYamlData(file, first.value, chapterMatter, offset)
    if (matter) file.data.matter = matter
  }
}
