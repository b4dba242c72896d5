// A handout's `when` (before or after pupils meet the work), and `viewing`, its older name, still read.
import { describe, expect, it } from 'vitest'
import { processChapter } from './helpers.js'

const chapter = (handout: string) => `---
title: A chapter
description: One sentence.
spoilers: none
handout:
${handout}
  keyPoints: [One point.]
---

Text.
`

describe('handout `when`', () => {
  it('is read under its name and under its older name `viewing`', async () => {
    for (const key of ['when', 'viewing']) {
      const { file } = await processChapter(chapter(`  ${key}: before`))
      expect(file.messages.map(String)).toEqual([])
      expect(file.data.matter?.handout?.when).toBe('before')
    }
  })

  it('is refused, at its line, when both names are given or neither', async () => {
    const both = await processChapter(chapter('  when: before\n  viewing: after'))
    expect(both.file.messages.map((m) => `${m.line}: ${m.reason}`)).toEqual([expect.stringMatching(/^7: .*`viewing` is the older name of `when`/)])
    const neither = await processChapter(chapter(''))
    expect(neither.file.messages.map((m) => m.reason)).toEqual([expect.stringMatching(/needs `when: before` or `when: after`/)])
  })
})
