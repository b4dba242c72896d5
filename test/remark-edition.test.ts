import { describe, expect, it } from 'vitest'
import { matter, processChapter } from './helpers.js'

const chapter = `${matter()}::::question\nQ?\n\n:::answer\nSECRET-ANSWER\n:::\n::::\n\n:::teacher\nSECRET-NOTE\n:::\n\nPublic text.\n`

describe('remarkEdition', () => {
  it('should drop answers and teacher notes from the student edition', async () => {
    const { html } = await processChapter(chapter, { edition: 'student' })
    expect(html).not.toContain('SECRET')
    expect(html).toContain('Public text.')
    expect(html).toContain('Q?')
  })

  it('should keep them in the teacher edition', async () => {
    const { html } = await processChapter(chapter, { edition: 'teacher' })
    expect(html).toContain('SECRET-ANSWER')
    expect(html).toContain('SECRET-NOTE')
  })
})
