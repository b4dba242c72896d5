// BibTeX and BibLaTeX sources (what a library catalogue or a reference manager exports), turned into CSL items by
// citation-js's BibTeX plugin; each entry is then checked like a CSL-YAML one.
import { Cite } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import { location } from 'vfile-location'
import type { VFile } from 'vfile'
import { fail } from '../core/messages.js'
import type { Place } from './data.js'

/** The entries of a `.bib` file as CSL data, each placed at its `@type{key` line; a syntax error is one located message. */
export function readBibtex(file: VFile): { entries: unknown[]; at: (key: string) => Place | undefined } {
  const text = String(file.value)
  let data: Array<Record<string, unknown>>
  try {
    data = new Cite(text, { forceType: '@biblatex/text' }).data as Array<Record<string, unknown>>
  } catch (error) {
    // The parser says where it stopped ("at line 3 col 11"); its first line is the reason.
    const message = error instanceof Error ? error.message : String(error)
    const found = /at line (\d+) col (\d+)/.exec(message)
    fail(file, `Invalid BibTeX: ${message.split('\n')[0]}`, 'bibtex', found ? { line: Number(found[1]), column: Number(found[2]) } : undefined)
    return { entries: [], at: () => undefined }
  }
  const where = location(file)
  const entries = data.map((entry) => clean(entry))
  const starts = entries.map((entry) => where.toPoint(text.indexOf(`{${String(entry.id)},`)))
  return {
    entries,
    at: (key) => {
      const point = starts[Number(key.split('.')[0])]
      return point ? { line: point.line, column: point.column } : undefined
    }
  }
}

/** Drop citation-js's own bookkeeping (`_graph`) and join what BibTeX splits on "and" outside names (a publisher). */
function clean(entry: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(entry)) {
    if (key.startsWith('_')) continue
    out[key] = Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.join(' and ') : value
  }
  return out
}
