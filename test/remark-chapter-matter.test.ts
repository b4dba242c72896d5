import { describe, expect, it } from 'vitest'
import { matter, processChapter } from './helpers.js'

describe('remarkChapterMatter', () => {
  it('should read valid front matter into file.data.matter', async () => {
    const { file, errors } = await processChapter(`${matter('factual: true\n')}Text :cite[film].\n`)
    expect(errors).toEqual([])
    expect(file.data.matter).toEqual({ title: 'A Chapter', description: 'A test chapter.', spoilers: 'none', factual: true })
  })

  it('should report a missing front matter block at 1:1', async () => {
    const { errors } = await processChapter('Just text.\n')
    expect(errors).toEqual(['1:1 missing-front-matter'])
  })

  it('should point at the line of a bad value and list every problem', async () => {
    const { errors, file } = await processChapter('---\ntitle: T\ndescription: D\nspoilers: lots\nfactual: maybe\n---\n\nText.\n')
    expect(errors).toEqual(['4:11 schema', '5:10 schema'])
    expect(file.messages[0]?.reason).toMatch(/`spoilers`/)
  })

  it('should report invalid YAML with its line', async () => {
    const { errors } = await processChapter('---\ntitle: [unclosed\ndescription: D\n---\n\nText.\n')
    expect(errors[0]).toMatch(/^\d+:\d+ yaml$/)
  })

  it('should reject unknown keys, at the key', async () => {
    const { errors } = await processChapter(`${matter('colour: red\n')}Text.\n`)
    expect(errors).toEqual(['5:1 schema'])
  })
})
