// Parse YAML and check it against a schema, reporting every problem at the line and column of the bad key.
import { FAILSAFE_SCHEMA, Type, load } from 'js-yaml'
import { isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml'
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
    const read = readQuickly(text)
    const quick = read !== undefined && schema.safeParse(read)
    if (quick && quick.success) return quick.data
  } catch {
    // The schema's own transforms may throw: the positional parse below reports.
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

/** A plain scalar that `test` matches, made into a value by `make`. */
const scalar = (tag: string, test: RegExp, make: (text: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (text: string) => test.test(text), construct: make })

/**
 * A mapping key that is not a plain string: a collection (`[a]: x`, `? a`) or null (`~: x`, `{: x}`). js-yaml and `yaml`
 * turn such keys into different strings, so a document that may hold one goes to `yaml` (a stray match only
 * costs the fast path).
 */
const oddKey = /[\]}][ \t]*:|(?:^|[\s,[{])(?:\?(?:[ \t]|$)|(?:~|null|Null|NULL|!!null)[ \t]*:)|[{,][ \t]*:|^[ \t]*(?:-[ \t]+)*:/m

/**
 * The fast path's reader: js-yaml, which reads a document in a fifth of the time `yaml` takes in a build (both
 * cold), with YAML 1.2's core schema exactly as `yaml` resolves it (its tests, copied from yaml 2.8's
 * schema/core): js-yaml's own core schema also reads `0b101` as 5 and `+.5` as a string. Everything the fast
 * path accepts, `yaml` reads the same (test/yaml-data.test.ts); anything else goes to `yaml`, which says where.
 */
const core = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    scalar('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T'),
    scalar('int', /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (text) =>
      text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text.slice(2), 16) : parseInt(text, 10)
    ),
    scalar('float', /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/, (text) =>
      /nan$/i.test(text) ? NaN : /inf$/i.test(text) ? (text[0] === '-' ? -Infinity : Infinity) : parseFloat(text)
    )
  ]
})

/** What the fast path reads from `text`, or `undefined` where it leaves the document to `yaml`. */
export function readQuickly(text: string): unknown {
  if (oddKey.test(text)) return undefined
  try {
    return load(text, { schema: core })
  } catch {
    return undefined
  }
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
