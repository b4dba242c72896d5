// Load the bibliography: every `chapters/sources/*.yaml`, checked by the schema, ids unique across files.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { sourceList, type Source } from './schema.js'
import { parseYamlData } from './yaml-data.js'

/** All sources by id, and one file per YAML document for messages. */
export async function loadSources(dir: string): Promise<{ sources: Map<string, Source>; files: VFile[] }> {
  const sources = new Map<string, Source>()
  const files: VFile[] = []
  let names: string[] = []
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort()
  } catch {
    return { sources, files }
  }
  for (const name of names) {
    const filePath = path.join(dir, name)
    const text = await readFile(filePath, 'utf8')
    const file = new VFile({ path: filePath, value: text })
    files.push(file)
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
  return { sources, files }
}
