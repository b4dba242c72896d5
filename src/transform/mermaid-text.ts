// What a Mermaid diagram says about itself for readers who cannot see it: its `accTitle:` and its `accDescr:`
// (one line, or a `{ … }` block), as Mermaid's own grammar writes them.

/** The diagram's accessible title and description, when it gives them. */
export function mermaidText(source: string): { title?: string; description?: string } {
  const lines = source.split('\n').map((line) => line.trim())
  const result: { title?: string; description?: string } = {}
  for (const [i, line] of lines.entries()) {
    const title = after(line, 'accTitle')
    if (title !== undefined && title.startsWith(':')) result.title = title.slice(1).trim() || undefined
    const description = after(line, 'accDescr')
    if (description === undefined) continue
    if (description.startsWith(':')) result.description = description.slice(1).trim() || undefined
    else if (description.startsWith('{')) {
      const block = [description.slice(1), ...lines.slice(i + 1)].join(' ')
      const end = block.indexOf('}')
      result.description = (end === -1 ? block : block.slice(0, end)).trim() || undefined
    }
  }
  return result
}

function after(line: string, keyword: string): string | undefined {
  return line.startsWith(keyword) ? line.slice(keyword.length).trimStart() : undefined
}
