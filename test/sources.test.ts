// The bibliography: every entry checked on its own, at its own place; a good entry stays usable beside a bad one.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSources } from '../src/project/sources.js'

async function load(text: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nlmg-sources-'))
  try {
    await writeFile(path.join(dir, 'main.yaml'), text)
    const bibliography = await loadSources(dir)
    return { ids: [...bibliography.sources.keys()], messages: bibliography.files.flatMap((f) => f.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

describe('loadSources', () => {
  it('should keep every good entry when one is bad, and report the bad one at its key', async () => {
    const { ids, messages } = await load('- id: good\n  title: A review\n  container: The Paper\n  kind: review\n- id: bad\n  title: Nowhere\n  kind: review\n- id: also-good\n  title: A page\n  url: https://example.org/page\n  kind: other\n')
    expect(ids).toEqual(['good', 'also-good'])
    expect(messages).toEqual([expect.stringMatching(/^6:3 schema `1\.title`: a source needs a `url` or a `container`/)])
  })

  it('should report a key the schema does not know where it stands', async () => {
    const { ids, messages } = await load('- id: typo\n  title: T\n  contianer: The Paper\n  kind: review\n')
    expect(ids).toEqual([])
    expect(messages[0]).toMatch(/^3:3 schema `0`: Unrecognized key: "contianer"/)
  })
})
