// The YAML fast path (js-yaml with `yaml`'s core schema) reads every document it accepts exactly as `yaml`
// reads it, and the positional path still reports problems where they are.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { VFile } from 'vfile'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseYamlData, readQuickly } from '../src/project/yaml.js'

const quick = readQuickly

/** What `yaml` reads, or `undefined` where it reports an error. */
function reference(text: string): unknown {
  try {
    return parse(text)
  } catch {
    return undefined
  }
}

/** Plain scalars at the edges of YAML 1.2's core types, and some from YAML 1.1 that 1.2 reads as strings. */
const scalars = ['1', '+1', '-1', '-0', '007', '0o17', '0o8', '0x1F', '0xG', '0b101', '1_000', '1.', '.5', '+.5', '-.5', '1e3', '1E+3', '1.5e-2', '.e3', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'nan', '~', 'null', 'Null', 'NULL', 'nULL', '', 'true', 'True', 'TRUE', 'tRUE', 'yes', 'no', 'on', 'off', 'y', '2010-09-15', '2010-09-15T10:00:00Z', '12:30:00', '1,000', '$5', '<<', '=', 'Kathy', 'a b', '3 of 5']

const values = fc.oneof(
  fc.constantFrom(...scalars),
  fc.constantFrom(...scalars).map((s) => `"${s}"`),
  fc.constantFrom(...scalars).map((s) => `'${s}'`),
  fc.constantFrom(...scalars).map((s) => `!!str ${s}`),
  fc.constantFrom(...scalars).map((s) => `[${s}, ${s}]`),
  fc.constantFrom(...scalars).map((s) => `{${s}: ${s}, k: [${s}]}`),
  fc.constantFrom(...scalars).map((s) => `\n  - ${s}\n  - x`),
  fc.constantFrom(...scalars).map((s) => `|\n  ${s}\n  line`),
  fc.constantFrom(...scalars).map((s) => `>-\n  ${s}\n  more`),
  fc.string({ maxLength: 12 })
)
// Keys as well: null and collection keys are turned into different strings by the two readers.
const keys = fc.oneof(fc.constantFrom('title', 'year', 'a', '1', '1.50', 'null', 'NULL', '~', 'true', '? x', '[a, b]', '{a: 1}', '"null"', '!!null', '[[x]: y]'), fc.constantFrom(...scalars), fc.string({ maxLength: 6 }))
const documents = fc.array(fc.tuple(keys, values), { minLength: 1, maxLength: 6 }).map((pairs) => pairs.map(([key, value]) => `${key}: ${value}`).join('\n'))

describe('parseYamlData', () => {
  it('should read every document the fast path accepts exactly as yaml does (2,000 generated documents, odd keys included)', () => {
    let accepted = 0
    fc.assert(
      fc.property(documents, (text) => {
        const fast = quick(text)
        if (fast === undefined) return
        accepted++
        expect(reference(text), text).toEqual(fast)
      }),
      { numRuns: 2000, seed: 20261121 }
    )
    // A quarter of the generated documents take the fast path (the rest are not YAML, or hold an odd key):
    // the comparison is not vacuous.
    expect(accepted).toBeGreaterThan(400)
  })

  it('should read the guide’s configuration, bibliography and front matter as yaml does', async () => {
    const texts = [await readFile('book.yaml', 'utf8')]
    for (const name of ['adaptation', 'analysis', 'core', 'reference']) texts.push(await readFile(path.join('chapters', 'sources', `${name}.yaml`), 'utf8'))
    for (const text of texts) expect(quick(text)).toEqual(parse(text))
  })

  it('should still report a schema problem at its line and column', () => {
    const file = new VFile({ path: 'x.yaml' })
    const text = 'title: Never Let Me Go\nyear: 0b101\n'
    const data = parseYamlData(file, text, z.object({ title: z.string(), year: z.number() }))
    expect(data).toBeUndefined()
    expect(file.messages[0]).toMatchObject({ line: 2, column: 7, ruleId: 'schema' })
  })
})
