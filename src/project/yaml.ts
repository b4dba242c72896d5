// Parse YAML with `yaml` (which keeps every node's position) and check it against a schema, reporting every
// problem at the line and column of the bad key or value.
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml'
import type { VFile } from 'vfile'
import type { z } from 'zod'
import { fail } from '../core/messages.js'
import type { Place } from './data.js'

/** Where a YAML document starts inside its file (front matter starts after the `---` line). */
export type YamlOffset = Place

/** What a YAML document held: the checked data and the place of every key path (`handout.keyTerms.1`). */
export interface YamlData<T> {
  data: T
  places: Record<string, Place>
}

/**
 * Parse `text` as YAML and validate it with `schema`. Syntax and schema errors become fatal messages (rule `yaml`
 * or `schema`) on `file`; returns `undefined` when anything was wrong.
 */
export function parseYaml<S extends z.ZodType>(file: VFile, text: string, schema: S, offset: YamlOffset = { line: 1, column: 1 }): YamlData<z.infer<S>> | undefined {
  const doc = parseDocument(text, { prettyErrors: false })
  const place = (pos: number) => toPlace(text, pos, offset)
  if (doc.errors.length > 0) {
    for (const error of doc.errors) fail(file, `Invalid YAML: ${error.message.split('\n')[0]}`, 'yaml', place(error.pos[0]))
    return undefined
  }
  const result = schema.safeParse(doc.toJS())
  if (!result.success) {
    for (const issue of result.error.issues) {
      // An unknown key is reported where it stands, not at the map that holds it.
      const unknown = 'keys' in issue && Array.isArray(issue.keys) ? issue.keys[0] : undefined
      const holder = nodeAt(doc.contents, issue.path as Array<string | number>)
      const node = ((isMap(holder) && holder.items.find((item) => (item.key as { value?: unknown } | null)?.value === unknown)?.key) || holder) as YamlNode | undefined
      const where = issue.path.length > 0 ? `\`${issue.path.join('.')}\`` : 'the document'
      fail(file, `${where}: ${issue.message}`, 'schema', place(node?.range?.[0] ?? 0))
    }
    return undefined
  }
  const places: Record<string, Place> = {}
  collectPlaces(doc.contents, '', (key, pos) => (places[key] = place(pos)))
  return { data: result.data, places }
}

/** The deepest node on `path` that exists, so a missing key points at its parent map. */
function nodeAt(root: unknown, path: Array<string | number>): YamlNode | undefined {
  let node = root as YamlNode | undefined
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key)
      if (!pair) return node
      if (!pair.value) return pair.key as YamlNode
      node = pair.value as YamlNode
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as YamlNode | undefined
      if (!item) return node
      node = item
    } else {
      return node
    }
  }
  return node
}

/** Every key path of a valid document with its start offset (a document that passed the schema is shallow). */
function collectPlaces(node: unknown, prefix: string, add: (key: string, pos: number) => void) {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      const path = prefix ? `${prefix}.${key}` : key
      const start = (pair.key as YamlNode | null)?.range?.[0]
      if (start !== undefined) add(path, start)
      collectPlaces(pair.value, path, add)
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const path = prefix ? `${prefix}.${index}` : String(index)
      const start = (item as YamlNode | null)?.range?.[0]
      if (start !== undefined) add(path, start)
      collectPlaces(item, path, add)
    })
  }
}

function toPlace(text: string, pos: number, offset: YamlOffset): Place {
  const before = text.slice(0, Math.min(pos, text.length))
  const line = before.split('\n').length - 1
  const lineStart = before.lastIndexOf('\n') + 1
  return { line: offset.line + line, column: (line === 0 ? offset.column : 1) + pos - lineStart }
}
