// Load the bibliography: every `chapters/sources/*.yaml`, checked by the schema, ids unique across files.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { fail } from '../core/messages.js'
import type { Place } from './data.js'
import { sourceList, type Source } from './schema.js'
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
    const list = parseYaml(file, String(file.value), sourceList)
    for (const [i, entry] of (list?.data ?? []).entries()) {
      const place = list?.places[`${i}.id`]
      if (sources.has(entry.id)) fail(file, `Duplicate source id \`${entry.id}\`: ids must be unique across chapters/sources/`, 'source-duplicate', place)
      sources.set(entry.id, entry)
      places.set(entry.id, { file, place })
    }
  }
  return { sources, files, places }
}
