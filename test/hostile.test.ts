// The hostile corpus: every broken or hostile input ends in its precise messages (file:line:column rule) and the
// right outcome, within a bounded time, without an exception; and nothing forbidden reaches any chapter's HTML.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { processChapter } from './helpers.js'
import { cases } from './hostile-cases.js'
import { check, corpus } from './hostile-corpus.js'
import { forbidden } from './hostile-forbidden.js'

const shared = path.join(corpus, 'shared')

/** Run a chapter's text through the one chapter pipeline, with the corpus's shared folder as the project. */
function render(markdown: string, slug = 'case') {
  return processChapter(markdown, { slug, project: shared })
}

describe('the hostile corpus', () => {
  it('should hold at least 30 cases, every committed one among them', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(30)
    const committed = [...(await readdir(path.join(corpus, 'chapters'))), ...(await readdir(path.join(corpus, 'projects')))]
    expect(committed.filter((name) => !cases.some((c) => c.name === name))).toEqual([])
  })

  for (const c of cases) {
    it(`should ${c.ok ? 'accept' : 'refuse'} ${c.name}${c.messages.length > 0 ? ` with ${[...new Set(c.messages.map((m) => m.split(' ')[1]))].join(', ')}` : ''}`, async () => {
      const outcome = await check(c, c.ms ?? 20_000)
      expect({ ok: outcome.ok, messages: outcome.messages }).toEqual({ ok: c.ok, messages: c.messages })
      // A message is one line a person can act on, never a stack trace.
      for (const line of outcome.lines) expect(line).not.toMatch(/\n|\bat .*\.(?:js|ts):\d+/)
    })
  }
})

describe('the HTML of hostile chapters', () => {
  it('should hold no script, handler, frame, form, style or outside URL for any committed chapter', async () => {
    const dir = path.join(corpus, 'chapters')
    for (const name of await readdir(dir)) {
      const { tree } = await render(await readFile(path.join(dir, name), 'utf8'))
      expect({ name, found: forbidden(tree, shared) }).toEqual({ name, found: [] })
    }
  })

  it('should keep the harmless inline HTML authors write', async () => {
    const { html, file } = await render(await readFile(path.join(corpus, 'chapters/01-harmless-html.md'), 'utf8'))
    expect(file.messages).toEqual([])
    expect(html).toContain('<p>Line one<br>line two, H<sub>2</sub>O, x<sup>2</sup>, <abbr title="Never Let Me Go">NLMG</abbr>, press <kbd>Ctrl</kbd>, <span lang="fr">déjà vu</span>, <em>stress</em>, <small>small</small> and <mark>marked</mark>.</p>')
    expect(html).toContain('<div>A block of <strong>HTML</strong>.</div>')
  })

  it('should drop HTML comments without a word and keep the text around them', async () => {
    const { html, file } = await render(await readFile(path.join(corpus, 'chapters/01-html-comment.md'), 'utf8'))
    expect(file.messages).toEqual([])
    expect(html).not.toContain('COMMENT-TEXT')
    expect(html).toContain('<p>More text  here.</p>')
  })

  it('should say what it removed, where, and keep the text of what it unwrapped', async () => {
    const { html, file } = await render(await readFile(path.join(corpus, 'chapters/01-event-handler.md'), 'utf8'))
    expect(html).toContain('A <b>bold</b> word and <span>a span</span>.')
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual([
      '7:3 Event handler `onclick` on `<b>` is not allowed (nothing in the guide runs scripts): it was removed',
      '7:43 Event handler `onmouseover` on `<span>` is not allowed (nothing in the guide runs scripts): it was removed',
      '9:1 Event handler `onload` on `<div>` is not allowed (nothing in the guide runs scripts): it was removed'
    ])
  })

  it('should check and rewrite reference-style links like inline ones, and lower-case a web address’s scheme', async () => {
    const { html, file } = await render('---\ntitle: Refs\ndescription: D.\nspoilers: none\n---\n\nSee [the end][end] and [the web](HTTPS://example.org/x).\n\n[end]: 03-plot.md#the-end\n', 'refs')
    expect(file.messages).toEqual([])
    expect(html).toContain('<p>See <a href="#plot-the-end">the end</a> and <a href="https://example.org/x">the web</a>.</p>')
    expect(file.data.references?.map((r) => r.id)).toEqual(['plot-the-end'])
  })

  it('should keep the pipeline’s own ids, roles and note types unprefixed', async () => {
    const { html } = await render('---\ntitle: Notes\ndescription: D.\nspoilers: none\n---\n\n## Part\n\nA claim[^1] and <sup>raw</sup>.\n\n[^1]: The note.\n', 'notes')
    expect(html).toContain('<h2 id="notes-part">Part</h2>')
    expect(html).toContain('<a href="#notes-fn-1" id="notes-fnref-1" aria-describedby="notes-footnote-label" role="doc-noteref" epub:type="noteref">1</a>')
    expect(html).toContain('<section class="footnotes" role="doc-endnotes" epub:type="endnotes"><h2 class="notes-heading" id="notes-footnote-label">')
    expect(html).not.toContain('user-content-')
  })

  it('should turn 1,000 nested lists into a message at the list that goes too deep', async () => {
    const { tree, file } = await render(`---\ntitle: Deep\ndescription: D.\nspoilers: none\n---\n\n${'- '.repeat(1_000)}x\n`, 'deep')
    expect(tree.children).toEqual([])
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.fatal}`)).toEqual([expect.stringMatching(/^7:\d+ too-deep true$/)])
  })

  it('should turn 10,000 nested quotations into a message at the quotation that goes too deep', async () => {
    const start = performance.now()
    const { tree, file } = await render(`---\ntitle: Deep\ndescription: D.\nspoilers: none\n---\n\n${'> '.repeat(10_000)}x\n`)
    expect(tree.children).toEqual([])
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.fatal}`)).toEqual([expect.stringMatching(/^7:\d+ too-deep true$/)])
    expect(performance.now() - start).toBeLessThan(20_000)
  })
})
