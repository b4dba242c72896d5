import { describe, expect, it } from 'vitest'
import { matter, processChapter } from './helpers.js'

describe('remarkCitations', () => {
  it('should turn citations into numbered notes that link both ways and to the bibliography', async () => {
    const { html, file, errors } = await processChapter(`${matter()}First :cite[film]. Second :cite[review,film].\n`)
    expect(errors).toEqual([])
    expect(file.data.citations).toEqual(['film', 'review'])
    expect(html).toContain('First<sup><a href="#chap-fn-cite-film" id="chap-fnref-cite-film" aria-describedby="chap-footnote-label" role="doc-noteref" epub:type="noteref">1</a></sup>.')
    expect(html).toContain('<li id="chap-fn-cite-review" epub:type="endnote">\n<p class="citation">Critic, Ann. “A Review.” <em>The Paper</em>. <a href="#source-review">')
    expect(html).toContain('href="#chap-fnref-cite-film-2"')
    expect(html).toContain('<section class="footnotes" role="doc-endnotes" epub:type="endnotes"><h2 class="notes-heading" id="chap-footnote-label">Notes</h2>')
  })

  it('should put a comma between notes cited together, and only there', async () => {
    const { html } = await processChapter(`${matter()}Claim :cite[film,review] and again :cite[film].\n`)
    expect(html).toMatch(/Claim<sup><a [^>]*>1<\/a><\/sup><sup>,<a [^>]*>2<\/a><\/sup> and again<sup><a [^>]*>1<\/a><\/sup>\./)
  })

  it('should label each back-link with its note and, when cited again, which citation', async () => {
    const { html } = await processChapter(`${matter()}One :cite[film]. Two :cite[film].\n`)
    expect(html).toContain('aria-label="Back to the text (1)"')
    expect(html).toContain('aria-label="Back to the text (1, citation 2)"')
  })

  it('should report an unknown source at the citation', async () => {
    const { errors } = await processChapter(`${matter()}Claim :cite[nowhere].\n`)
    expect(errors).toEqual(['7:7 citation-unknown'])
  })
})

describe('remarkCitationCheck', () => {
  it('should require a citation on every paragraph of a factual chapter', async () => {
    const { errors } = await processChapter(`${matter('factual: true\n')}Cited :cite[film].\n\nNot cited.\n\n::::question\nQuestions need none.\n::::\n`)
    expect(errors).toEqual(['10:1 missing-citation'])
  })

  it('should require a citation on a date elsewhere', async () => {
    const { errors } = await processChapter(`${matter()}An opinion needs none.\n\nIt opened in 2010.\n`)
    expect(errors).toEqual(['9:1 missing-citation'])
  })

  it('should hold every year to the date rule, one of 1750 or 44 BC as much as one of 2010, and explain the rule where it reports', async () => {
    for (const claim of ['Mary Shelley began the novel in 1816.', 'The house was built in 1750.', 'Caesar died in 44 BC.', 'The abbey dates from AD 800.']) {
      const { file } = await processChapter(`${matter()}${claim}\n`)
      expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['7:1 missing-citation'])
      expect(file.messages[0]?.reason).toMatch(/so a reader can check it\. Add `:cite\[source-id\]` after the claim; a year from the work itself .* cites the work .* in a `factual: true` chapter every paragraph does$/)
    }
    const { errors } = await processChapter(`${matter()}Mary Shelley began the novel in 1816 :cite[film].\n\nShe wrote 900 words a day, more or less.\n`)
    expect(errors).toEqual([])
  })

  it('should require a citation on each table row of a factual chapter', async () => {
    const { errors } = await processChapter(`${matter('factual: true\n')}| A | B |\n| - | - |\n| x | y :cite[film] |\n| z | w |\n`)
    expect(errors).toEqual(['11:1 missing-citation'])
  })

  it('should check paragraphs at any depth outside exempt blocks, and never headings', async () => {
    const body = '## Released in 2010\n\n- A list item from 2011.\n\n> A quote from 2012.\n\n::::question\n- Was it 2013?\n::::\n'
    const { errors } = await processChapter(`${matter()}${body}`)
    expect(errors).toEqual(['9:3 missing-citation', '11:3 missing-citation'])
  })
})
