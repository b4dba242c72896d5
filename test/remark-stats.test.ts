import { describe, expect, it } from 'vitest'
import { measure } from '../src/transform/stats.js'
import { matter, processChapter } from './helpers.js'

describe('measure', () => {
  it('should count words, sentences and syllables and give the Flesch-Kincaid grade', () => {
    const stats = measure(['The cat sat on the mat. It was happy.'])
    expect(stats).toEqual({ words: 9, sentences: 2, syllables: 10, grade: expect.any(Number) })
    expect(stats.grade).toBeCloseTo(0.39 * 4.5 + 11.8 * (10 / 9) - 15.59, 1)
  })

  it('should measure only running prose, not headings or notes', async () => {
    const { file } = await processChapter(`${matter()}## A heading with many words in it\n\nOne two three :cite[film].\n`)
    expect(file.data.stats?.words).toBe(3)
  })
})
