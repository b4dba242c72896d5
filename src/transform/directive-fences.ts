// A `:::block` never closed runs silently to the end of the chapter (that is how the directive syntax reads it),
// pulling every later section into a callout or a teacher-only note: find those and say where they open.
import type { Root } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { fail } from '../core/messages.js'

/** Report every container directive of `tree` whose last line is not a closing fence. */
export function checkDirectiveFences(tree: Root, file: VFile) {
  const source = String(file.value)
  visit(tree, 'containerDirective', (node: ContainerDirective) => {
    const start = node.position?.start
    const end = node.position?.end.offset
    if (!start || end === undefined || start.offset === undefined) return
    const opening = source.slice(start.offset, source.indexOf(node.name, start.offset))
    const lastLine = source.slice(source.lastIndexOf('\n', end - 1) + 1, end)
    if (isFence(lastLine) && source.lastIndexOf('\n', end - 1) >= start.offset) return
    fail(file, `\`${opening.trim()}${node.name}\` is never closed: end it with a line of \`${opening.trim()}\``, 'directive-unclosed', start)
  })
}

/** A closing fence: colons, after any quotation markers and indentation of the blocks around it. */
function isFence(line: string): boolean {
  const text = line.trimEnd()
  return text.includes(':::') && [...text].every((c) => c === ':' || c === '>' || c === ' ' || c === '\t')
}
