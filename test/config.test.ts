import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/project/config.js'
import { copyToTemp, root } from './helpers.js'

let project: string
beforeEach(async () => {
  project = await copyToTemp(path.join(root, 'test/fixtures/book-basic'), 'nlmg-config-')
})
afterEach(async () => {
  await rm(project, { recursive: true, force: true })
})

async function withConfig(edit: (text: string) => string) {
  const file = path.join(project, 'book.yaml')
  await writeFile(file, edit(await readFile(file, 'utf8')))
  const { config, file: vfile } = await loadConfig(project)
  return { config, messages: vfile.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`) }
}

describe('loadConfig', () => {
  it('should resolve every path to an absolute one and apply defaults', async () => {
    const { config, messages } = await withConfig((t) => t)
    expect(messages).toEqual([])
    expect(config).toMatchObject({ root: project, chaptersDir: path.join(project, 'chapters'), outDir: path.join(project, 'dist'), coverFile: path.join(project, 'chapters/images/cover.png'), editions: ['student', 'teacher'], justify: false })
  })

  it('should let the command line override the file, through the same schema', async () => {
    const { config } = await loadConfig(project, { paper: 'letter', editions: ['teacher'] })
    expect(config).toMatchObject({ paper: 'letter', editions: ['teacher'] })
  })

  it('should refuse a cover outside the project, at the line of `cover`', async () => {
    const { config, messages } = await withConfig((t) => t.replace(/^cover: .*$/m, 'cover: ../../../etc/passwd.png'))
    expect(config?.coverFile).toBe(path.resolve(project, '../../../etc/passwd.png'))
    expect(messages).toEqual(['11:1 image-outside `cover`: Image `../../../etc/passwd.png` points outside the project folder'])
  })

  it('should name every bad key with its line', async () => {
    const { messages } = await withConfig((t) => t.replace('language: en-GB', 'language: English').replace('paper: a4', 'paper: a5'))
    expect(messages).toEqual([
      expect.stringMatching(/^5:11 schema `language`: a BCP 47 language tag/),
      expect.stringMatching(/^14:8 schema `paper`: Invalid option: expected one of "a4"\|"letter"/)
    ])
  })
})
