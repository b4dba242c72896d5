// Load the bibliography: every `chapters/sources/*.yaml`, checked by the schema, ids unique across files.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import type { BuildCache } from '../book/build-cache.js'
import { sourceList, type Source } from './schema.js'
import { parseYamlData } from './yaml.js'

/** All sources by id, and one file per YAML document for messages; a bibliography without problems is cached. */
export async function loadSources(dir: string, cache?: BuildCache): Promise<{ sources: Map<string, Source>; files: VFile[] }> {
  let names: string[] = []
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort()
  } catch {
    return { sources: new Map(), files: [] }
  }
  const files = await Promise.all(names.map(async (name) => new VFile({ path: path.join(dir, name), value: await readFile(path.join(dir, name), 'utf8') })))
  const inputs = files.map((f) => [f.path, String(f.value)])
  const kept = (await cache?.get('sources', inputs)) as Array<[string, Source]> | undefined
  if (kept) return { sources: new Map(kept), files }
  const sources = parseSources(files)
  if (!files.some((f) => f.messages.length > 0)) cache?.set('sources', inputs, [...sources])
  return { sources, files }
}

/** Parse and check each file; an id used twice is an error on its second file. */
function parseSources(files: VFile[]): Map<string, Source> {
  const sources = new Map<string, Source>()
  for (const file of files) {
    const text = String(file.value)
    const list = parseYamlData(file, text, sourceList)
    for (const entry of list ?? []) {
      if (sources.has(entry.id)) {
        const line = text.split('\n').findIndex((l) => new RegExp(`^\\s*-?\\s*id:\\s*${entry.id}\\s*$`).test(l)) + 1
        const message = file.message(`Duplicate source id \`${entry.id}\`: ids must be unique across chapters/sources/`, {
          place: { line: Math.max(line, 1), column: 1 },
          ruleId: 'source-duplicate',
          source: 'nlmg'
        })
        message.fatal = true
      }
      sources.set(entry.id, entry)
    }
  }
  return sources
}
