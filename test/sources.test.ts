// The bibliography: CSL-YAML, CSL-JSON and BibTeX; every entry checked on its own, at its own place; a good entry
// stays usable beside a bad one.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSources } from '../src/project/sources.js'

async function load(text: string, name = 'main.yaml') {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nlmg-sources-'))
  try {
    await writeFile(path.join(dir, name), text)
    const bibliography = await loadSources(dir)
    return { ids: [...bibliography.sources.keys()], sources: bibliography.sources, messages: bibliography.files.flatMap((f) => f.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const good = (id: string) => `- id: ${id}\n  type: article-newspaper\n  title: A review\n  container-title: The Paper\n`

describe('loadSources', () => {
  it('should keep every good entry when one is bad, and report the bad one at its key', async () => {
    const { ids, messages } = await load(`${good('good')}- id: bad\n  type: webpage\n  title: Nowhere\n- id: also-good\n  type: webpage\n  title: A page\n  URL: https://example.org/page\n`)
    expect(ids).toEqual(['good', 'also-good'])
    expect(messages).toEqual([expect.stringMatching(/^7:3 schema `1\.title`: a source needs a `URL`, a `container-title`/)])
  })

  it('should report only the bad entry among many, so no citation of the others is called unknown', async () => {
    const entries = Array.from({ length: 15 }, (_, i) => good(`source-${i}`))
    entries.splice(7, 0, '- id: broken\n  type: newspaper\n  title: Wrong type\n  container-title: The Paper\n')
    const { ids, messages } = await load(entries.join(''))
    expect(ids).toHaveLength(15)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/^30:3 schema `7\.type`/)
  })

  it('should report a key CSL does not know where it stands', async () => {
    const { ids, messages } = await load('- id: typo\n  type: book\n  title: T\n  pubisher: The Press\n  URL: https://example.org/\n')
    expect(ids).toEqual([])
    expect(messages[0]).toMatch(/^4:3 schema `0` \(`pubisher`\): Unrecognized key: "pubisher"/)
  })

  it('should read pandoc and Quarto CSL-YAML (`references:`) with its dates written as text', async () => {
    const { sources, messages } = await load('references:\n  - id: novel\n    type: book\n    title: A Novel\n    publisher: The Press\n    issued: 2005-03\n')
    expect(messages).toEqual([])
    expect(sources.get('novel')?.issued).toEqual({ 'date-parts': [[2005, 3]] })
  })

  it('should read CSL-JSON as Zotero exports it, and place a bad entry at its line', async () => {
    const json = JSON.stringify([{ id: 'novel', type: 'book', title: 'A Novel', publisher: 'The Press', issued: { 'date-parts': [[2005]] } }, { id: 'bad', type: 'book', title: 'No Publisher' }], null, 2)
    const { ids, messages } = await load(json, 'zotero.json')
    expect(ids).toEqual(['novel'])
    expect(messages).toEqual([expect.stringMatching(/^\d+:\d+ schema `1\.title`/)])
    expect(Number(messages[0]?.split(':')[0])).toBeGreaterThan(10)
  })

  it('should read BibTeX, and report a syntax error at its line', async () => {
    const { sources } = await load('@book{novel-2005,\n  author = {Ishiguro, Kazuo},\n  title = {Never Let Me Go},\n  publisher = {Faber and Faber},\n  year = {2005}\n}\n', 'library.bib')
    expect(sources.get('novel-2005')).toMatchObject({ type: 'book', title: 'Never Let Me Go', publisher: 'Faber and Faber', author: [{ family: 'Ishiguro', given: 'Kazuo' }] })
    const broken = await load('@book{novel-2005,\n  title = {Never Let Me Go}\n@misc{next entry\n', 'broken.bib')
    expect(broken.ids).toEqual([])
    expect(broken.messages).toEqual([expect.stringMatching(/^\d+:\d+ bibtex Invalid BibTeX: /)])
  })
})
