// YAML read by `yaml` and checked by a schema: problems where they are, and every key's place for later messages.
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseYaml } from '../src/project/yaml.js'

describe('parseYaml', () => {
  it('should report a schema problem at its line and column', () => {
    const file = new VFile({ path: 'x.yaml' })
    const data = parseYaml(file, 'title: Never Let Me Go\nyear: 0b101\n', z.object({ title: z.string(), year: z.number() }))
    expect(data).toBeUndefined()
    expect(file.messages[0]).toMatchObject({ line: 2, column: 7, ruleId: 'schema', fatal: true })
  })

  it('should report a syntax error at its place', () => {
    const file = new VFile({ path: 'x.yaml' })
    expect(parseYaml(file, 'title: [unclosed\n', z.object({ title: z.string() }))).toBeUndefined()
    expect(file.messages[0]).toMatchObject({ ruleId: 'yaml', fatal: true })
  })

  it('should give the place of every key path, offset by where the document starts', () => {
    const file = new VFile({ path: 'x.md' })
    const read = parseYaml(file, 'title: T\nhandout:\n  keyTerms: [donor, carer]\n', z.object({ title: z.string(), handout: z.object({ keyTerms: z.array(z.string()) }) }), { line: 2, column: 1 })
    expect(read?.data.handout.keyTerms).toEqual(['donor', 'carer'])
    expect(read?.places).toMatchObject({ title: { line: 2, column: 1 }, 'handout.keyTerms': { line: 4, column: 3 }, 'handout.keyTerms.1': { line: 4, column: 21 } })
  })
})
