// Parse YAML and check it against a schema, reporting every problem at the line and column of the bad key.
import { isMap, isSeq, parse, parseDocument, type Node as YamlNode } from 'yaml'
import type { VFile } from 'vfile'
import type { z } from 'zod'

/** Where a YAML document starts inside its file (front matter starts after the `---` line). */
export interface YamlOffset {
  line: number
  column: number
}

/**
 * Parse `text` as YAML and validate it with `schema`.
 * Syntax and schema errors become fatal-free vfile messages (`ruleId` `yaml` or `schema`) on `file`;
 * returns the parsed data, or `undefined` when anything was wrong.
 */
export function parseYamlData<S extends z.ZodType>(
  file: VFile,
  text: string,
  schema: S,
  offset: YamlOffset = { line: 1, column: 1 },
  origin = 'nlmg:schema'
): z.infer<S> | undefined {
  // Fast path: most documents are valid, and positions are only needed to report a problem.
  try {
    const quick = schema.safeParse(parse(text))
    if (quick.success) return quick.data
  } catch {
    // Invalid YAML: the positional parse below reports where.
  }
  const doc = parseDocument(text, { prettyErrors: false })
  const place = (pos: number) => toPlace(text, pos, offset)
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      report(file, `Invalid YAML: ${error.message.split('\n')[0]}`, place(error.pos[0]), 'yaml', origin)
    }
    return undefined
  }
  const result = schema.safeParse(doc.toJS())
  if (result.success) return result.data
  for (const issue of result.error.issues) {
    const node = nodeAt(doc.contents, issue.path as Array<string | number>)
    const where = issue.path.length > 0 ? `\`${issue.path.join('.')}\`` : 'the document'
    report(file, `${where}: ${issue.message}`, place(node?.range?.[0] ?? 0), 'schema', origin)
  }
  return undefined
}

function report(file: VFile, reason: string, place: { line: number; column: number }, ruleId: string, origin: string) {
  const message = file.message(reason, { place, ruleId, source: origin.split(':')[0] })
  message.fatal = true
}

/** The deepest node on `path` that exists, so a missing key points at its parent map. */
function nodeAt(root: unknown, path: Array<string | number>): YamlNode | undefined {
  let node = root as YamlNode | undefined
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key)
      if (!pair) return node
      node = (pair.value ?? pair.key) as YamlNode
      if (!pair.value) return pair.key as YamlNode
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

function toPlace(text: string, pos: number, offset: YamlOffset) {
  let line = 0
  let lineStart = 0
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line: offset.line + line, column: (line === 0 ? offset.column : 1) + pos - lineStart }
}
