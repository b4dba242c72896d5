// Load the bibliography: every file of `chapters/sources/`, as CSL-YAML (`*.yaml`, a list or pandoc's
// `references:`), CSL-JSON (`*.json`) or BibTeX (`*.bib`); each entry checked on its own; ids unique across files.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { z } from 'zod'
import { fail } from '../core/messages.js'
import { readBibtex } from './bibtex.js'
import { cslItem, type CslItem } from './csl.js'
import type { Place } from './data.js'
import { parseYaml } from './yaml.js'

/** Where each source is defined: its file and the place of its entry. */
export type SourcePlaces = ReadonlyMap<string, { file: VFile; place?: Place }>

export interface Bibliography {
  sources: Map<string, CslItem>
  /** One file per sources file, for messages. */
  files: VFile[]
  places: SourcePlaces
}

/** The extensions a sources file may have. */
const formats = /\.(ya?ml|json|bib)$/

/** A file's entries before checking, each with the place of its key paths (`0.title`). */
interface RawEntries {
  entries: unknown[]
  at: (key: string) => Place | undefined
}

/** All sources by id; an id used twice is an error on its second entry. */
export async function loadSources(dir: string): Promise<Bibliography> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => formats.test(n)).sort()
  const files = await Promise.all(names.map(async (name) => new VFile({ path: path.join(dir, name), value: await readFile(path.join(dir, name), 'utf8') })))
  const sources = new Map<string, CslItem>()
  const places = new Map<string, { file: VFile; place?: Place }>()
  for (const file of files) {
    const raw = file.extname === '.bib' ? readBibtex(file) : readCslData(file)
    // Each entry is checked on its own: one bad entry is reported where it stands and the rest stay usable.
    for (const [i, entry] of raw.entries.entries()) {
      const checked = cslItem.safeParse(entry)
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          // An unknown key is reported where it stands, not at its entry.
          const key = 'keys' in issue && Array.isArray(issue.keys) ? issue.keys.slice(0, 1) : []
          const where = [i, ...issue.path, ...key].join('.')
          fail(file, `\`${[i, ...issue.path].join('.')}\`${key.length ? ` (\`${String(key[0])}\`)` : ''}: ${issue.message}`, 'schema', raw.at(where) ?? raw.at(String(i)))
        }
        continue
      }
      const item = checked.data as CslItem
      const place = raw.at(`${i}.id`) ?? raw.at(String(i))
      if (sources.has(item.id)) fail(file, `Duplicate source id \`${item.id}\`: ids must be unique across chapters/sources/`, 'source-duplicate', place)
      sources.set(item.id, item)
      places.set(item.id, { file, place })
    }
  }
  return { sources, files, places }
}

/** CSL-YAML or CSL-JSON (JSON is YAML, and the parser keeps positions): a list of items, or `references:` holding one. */
function readCslData(file: VFile): RawEntries {
  const list = parseYaml(file, String(file.value), z.union([z.array(z.unknown()), z.object({ references: z.array(z.unknown()) }).loose()]))
  if (!list) return { entries: [], at: () => undefined }
  const nested = !Array.isArray(list.data)
  const entries = Array.isArray(list.data) ? list.data : list.data.references
  return { entries, at: (key) => list.places[nested ? `references.${key}` : key] }
}
