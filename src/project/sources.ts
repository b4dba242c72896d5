// Load the bibliography: every `chapters/sources/*.yaml`, checked by the schema, ids unique across files.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { fail } from '../core/messages.js'
import type { Place } from './data.js'
import { z } from 'zod'
import { source, type Source } from './schema.js'
import { parseYaml } from './yaml.js'

/** Where each source is defined: its file and the place of its entry. */
export type SourcePlaces = ReadonlyMap<string, { file: VFile; place?: Place }>

export interface Bibliography {
  sources: Map<string, Source>
  /** One file per YAML document, for messages. */
  files: VFile[]
  places: SourcePlaces
}

/** All sources by id; an id used twice is an error on its second entry. */
export async function loadSources(dir: string): Promise<Bibliography> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /\.ya?ml$/.test(n)).sort()
  const files = await Promise.all(names.map(async (name) => new VFile({ path: path.join(dir, name), value: await readFile(path.join(dir, name), 'utf8') })))
  const sources = new Map<string, Source>()
  const places = new Map<string, { file: VFile; place?: Place }>()
  for (const file of files) {
    // Each entry is checked on its own: one bad entry is reported where it stands and the rest stay usable.
    const list = parseYaml(file, String(file.value), z.array(z.unknown()))
    for (const [i, raw] of (list?.data ?? []).entries()) {
      const at = (key: string) => list?.places[key] ?? list?.places[String(i)]
      const entry = source.safeParse(raw)
      if (!entry.success) {
        for (const issue of entry.error.issues) {
          // An unknown key is reported where it stands, not at its entry.
          const key = 'keys' in issue && Array.isArray(issue.keys) ? issue.keys.slice(0, 1) : []
          fail(file, `\`${[i, ...issue.path].join('.')}\`: ${issue.message}`, 'schema', at([i, ...issue.path, ...key].join('.')))
        }
        continue
      }
      const place = at(`${i}.id`)
      if (sources.has(entry.data.id)) fail(file, `Duplicate source id \`${entry.data.id}\`: ids must be unique across chapters/sources/`, 'source-duplicate', place)
      sources.set(entry.data.id, entry.data)
      places.set(entry.data.id, { file, place })
    }
  }
  return { sources, files, places }
}
