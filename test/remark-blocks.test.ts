import { toHtml } from 'hast-util-to-html'
import { describe, expect, it } from 'vitest'
import { matter, processChapter } from './helpers.js'

describe('remarkBlocks', () => {
  it('should render a question with its label, number and answer guidance', async () => {
    const { html, file, errors } = await processChapter(`${matter()}::::question{lines=6}\nWhy?\n\n:::answer\nBecause.\n:::\n::::\n`)
    expect(errors).toEqual([])
    expect(html).toContain('<div class="question question-question" id="chap-q1" data-lines="6"><p class="block-label"><strong>Question 1</strong></p><p>Why?</p>')
    expect(html).toContain('<div class="answer teacher-only" id="chap-q1-answer"><p class="block-label"><strong>Answer guidance</strong></p><p>Because.</p></div>')
    const [question] = file.data.questions ?? []
    expect(question).toMatchObject({ id: 'chap-q1', number: 1, kind: 'question', lines: 6, spoiler: false, place: { line: expect.any(Number), column: 1 } })
    // The record carries the rendered question and guidance, without their labels, for the handouts.
    expect(toHtml({ type: 'root', children: question?.body ?? [] })).toBe('<p>Why?</p>')
    expect(toHtml({ type: 'root', children: question?.answer ?? [] })).toBe('<p>Because.</p>')
  })

  it('should render a spoiler block with what it spoils', async () => {
    const { html } = await processChapter(`${matter()}:::spoiler{about="the ending"}\nThey die.\n:::\n`)
    expect(html).toContain('<div class="spoiler" role="note"><p class="block-label"><strong>Spoiler warning</strong>: the ending</p><p>They die.</p></div>')
  })

  it('should turn a key quotation into a figure with its speaker and a citation', async () => {
    const { html } = await processChapter(`${matter()}:::quote{speaker="Kathy" source="film"}\nWords.\n:::\n`)
    expect(html).toMatch(/<figure class="key-quote"><blockquote>\s*<p>Words\.<\/p>\s*<\/blockquote><figcaption class="quote-source">— Kathy<sup><a href="#chap-fn-cite-film"/)
  })

  it('should make a definition with a glossary id and link terms to it', async () => {
    const { html, file } = await processChapter(`${matter()}:::definition{term="Recovery centre"}\nWhere donors rest.\n:::\n\nSee :term[donors]{id="donor"}.\n`)
    expect(html).toContain('<div class="definition" id="term-recovery-centre"><p class="term"><dfn>Recovery centre</dfn></p>')
    expect(html).toContain('<a href="#term-donor" class="term-link">donors</a>')
    expect(file.data.references).toContainEqual({ id: 'term-donor', kind: 'term', place: { line: 11, column: 5, offset: expect.any(Number) }, written: 'donors' })
  })

  it('should reject an unknown block directive with its place', async () => {
    const { errors } = await processChapter(`${matter()}:::sidebar\nx\n:::\n`)
    expect(errors).toEqual(['7:1 unknown-directive'])
  })

  it('should give back text that only looks like a directive', async () => {
    const { html, errors } = await processChapter(`${matter()}Ratio 2:1 at 10:30, Note:this.\n`)
    expect(errors).toEqual([])
    expect(html).toContain('<p>Ratio 2:1 at 10:30, Note:this.</p>')
  })

  it('should refuse an answer outside a question', async () => {
    const { errors } = await processChapter(`${matter()}:::answer\nx\n:::\n`)
    expect(errors).toEqual(['7:1 answer-outside-question'])
  })

  it('should mark questions inside spoiler blocks', async () => {
    const { file } = await processChapter(`${matter()}::::spoiler\n:::question\nQ?\n:::\n::::\n`)
    expect(file.data.questions?.[0]?.spoiler).toBe(true)
  })
})
