// The formatted references kept between builds. citeproc's work depends only on the sources, the style and the
// formatting code, so its result is kept under the project's `node_modules/.cache/nlmg/references/`, named by the
// hash of all three, and read back while none of them changes. An entry that cannot be read, or is not what this
// module writes for that hash, is formatted again and replaced: the cache can cost a build time, never a result.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PhrasingContent } from 'mdast'
import { commitOutputs } from '../core/write.js'
import type { CslItem } from '../project/csl.js'
import type { CitationStyle } from '../project/csl-style.js'
import type { References } from './references.js'

const require = createRequire(import.meta.url)

/** An entry as stored: the full key it was made for, and each map as its pairs in order. */
interface Stored {
  key: string
  entries: Array<[string, PhrasingContent[]]>
  notes: Array<[string, PhrasingContent[]]>
}

/** `formatReferences(items, style)`, read from `cacheDir` when formatted before; a new result is stored there. */
export async function loadReferences(items: readonly CslItem[], style: CitationStyle, cacheDir: string): Promise<References> {
  const key = referencesKey(items, style)
  const name = `${key.slice(0, 16)}.json`
  const stored = parse(await readFile(path.join(cacheDir, name), 'utf8').catch(() => undefined), key)
  if (stored) return { entries: new Map(stored.entries), notes: new Map(stored.notes) }
  // Loaded only on a miss: a build that finds its references here never loads citeproc.
  const { formatReferences } = await import('./references.js')
  const references = formatReferences(items, style)
  const data = JSON.stringify({ key, entries: [...references.entries], notes: [...references.notes] } satisfies Stored)
  // Note: a cache that cannot be written (a read-only folder, a full disk) costs the next build the formatting, no more.
  await commitOutputs(cacheDir, [{ path: name, data }]).catch(() => {})
  return references
}

/** What the formatted references depend on, hashed: the formatting code, the style (name and XML) and the items. */
export function referencesKey(items: readonly CslItem[], style: CitationStyle): string {
  return createHash('sha256').update(JSON.stringify([formattingCode(), style.name, style.xml ?? null, items])).digest('hex')
}

/** The formatting module beside this one (`.js` compiled, `.ts` under the tests) and the versions of the packages it runs. */
function formattingCode(): string[] {
  const here = fileURLToPath(import.meta.url)
  const plugin = require.resolve('@citation-js/plugin-csl')
  return [
    readFileSync(path.join(path.dirname(here), `references${path.extname(here)}`), 'utf8'),
    ...['@citation-js/core', '@citation-js/plugin-csl', 'hast-util-from-html', 'hast-util-to-mdast'].map((name) => versionOf(name, require.resolve(name))),
    // citeproc is the CSL plugin's dependency, so it is found as the plugin finds it.
    versionOf('citeproc', createRequire(plugin).resolve('citeproc'))
  ]
}

/** The version in the package.json of `name`, the nearest one above its resolved entry point that names it. */
function versionOf(name: string, entry: string): string {
  for (let dir = path.dirname(entry); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json')
    const json = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string }) : {}
    if (json.name === name) return String(json.version)
    if (path.dirname(dir) === dir) throw new Error(`no package.json names ${name} above ${entry}`)
  }
}

/** The stored entry if `text` is one made for `key`; anything else (no file, cut short, edited, another key) is none. */
function parse(text: string | undefined, key: string): Stored | undefined {
  if (text === undefined) return undefined
  try {
    const stored = JSON.parse(text) as Stored
    return stored.key === key && pairs(stored.entries) && pairs(stored.notes) ? stored : undefined
  } catch {
    return undefined
  }
}

/** Whether `value` is a list of `[id, phrasing]` pairs. */
function pairs(value: unknown): boolean {
  return Array.isArray(value) && value.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && Array.isArray(pair[1]))
}
