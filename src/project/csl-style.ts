// The citation style a book chooses (`citationStyle` in book.yaml): one of the four a school asks for, each
// available offline, or the path of a CSL file of the book's own. Resolved once, with the style's XML.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { packageRoot } from '../core/paths.js'

/** The styles built in: MLA 9 and Chicago 18 (notes and bibliography) from templates/csl/, APA 7 and Harvard (Cite Them Right) as citation-js ships them. */
export const builtInStyles = {
  mla: { name: 'mla', file: 'modern-language-association.csl' },
  apa: { name: 'apa' },
  chicago: { name: 'chicago', file: 'chicago-notes-bibliography.csl' },
  harvard: { name: 'harvard1' }
} as const

export type StyleChoice = keyof typeof builtInStyles

/** A style citeproc can use: its registered name and, for one not shipped by citation-js, its XML. */
export interface CitationStyle {
  name: string
  xml?: string
}

/** Read the chosen style: a built-in name, or a `.csl` file relative to the book's folder; a reason when it cannot be read. */
export async function loadCitationStyle(choice: string, root: string): Promise<CitationStyle | { reason: string }> {
  if (choice in builtInStyles) {
    const style = builtInStyles[choice as StyleChoice]
    if (!('file' in style)) return { name: style.name }
    return { name: style.name, xml: await readFile(path.join(packageRoot, 'templates', 'csl', style.file), 'utf8') }
  }
  const file = path.resolve(root, choice)
  try {
    return { name: `file:${file}`, xml: await readFile(file, 'utf8') }
  } catch {
    return { reason: `cannot read the CSL style \`${choice}\`: give one of ${Object.keys(builtInStyles).join(', ')}, or the path of a .csl file in the book's folder` }
  }
}
