// A chapter without raw HTML is not run through the sanitiser (hast-sanitize.ts): the pipeline's own HTML is all
// on the allow-list, and Markdown's links and images are checked before. This holds the claim to account: for
// the guide, every fixture and generated Markdown full of hostile links, images and directive attributes,
// sanitising the processed chapter would change nothing.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import fc from 'fast-check'
import type { Root } from 'hast'
import { sanitize } from 'hast-util-sanitize'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { loadLabels } from '../src/project/labels.js'
import { chapterSchema } from '../src/transform/html-schema.js'
import { createProcessor } from '../src/chapter/processor.js'
import { runChapter } from '../src/chapter/pipeline.js'
import type { Edition } from '../src/project/schema.js'
import { loadSources } from '../src/project/sources.js'
import { matter, root, sources } from './helpers.js'
import { corpus } from './hostile-corpus.js'

/** Whether sanitising `tree` (processed from `file`) against the chapter's schema would leave it as it is. */
function untouched(tree: Root, file: VFile): void {
  const schema = chapterSchema((file.data.images ?? []).map((image) => pathToFileURL(image).href))
  expect(sanitize(structuredClone(tree), schema), String(file.value).slice(0, 400)).toEqual(tree)
}

const hasRawHtml = (markdown: string) => /<(?!https?:|mailto:)/i.test(markdown)

describe('chapters without raw HTML', () => {
  it('should be left unchanged by the sanitiser: the guide and the fixture books, both editions', async () => {
    const labels = await loadLabels(path.join(root, 'templates'))
    const books = [root, path.join(root, 'test/fixtures/epub-constructs'), path.join(root, 'test/fixtures/book-basic')]
    let checked = 0
    for (const book of books) {
      const chaptersDir = path.join(book, 'chapters')
      const { sources: bibliography } = await loadSources(path.join(chaptersDir, 'sources'))
      for (const edition of ['student', 'teacher'] as Edition[]) {
        const processor = createProcessor({ edition, labels, sources: bibliography, chaptersDir, root: book })
        for (const name of (await readdir(chaptersDir)).filter((n) => n.endsWith('.md')).sort()) {
          const value = await readFile(path.join(chaptersDir, name), 'utf8')
          if (hasRawHtml(value)) continue
          const file = new VFile({ path: path.join(chaptersDir, name), value, data: { slug: name.replace(/^\d+-|\.md$/g, ''), order: 1 } })
          untouched((await runChapter(processor, file)) as Root, file)
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(28)
  })

  it('should be left unchanged by the sanitiser: 300 generated chapters of hostile Markdown', async () => {
    const project = path.join(corpus, 'shared')
    const labels = await loadLabels(path.join(root, 'templates'))
    const processor = createProcessor({ edition: 'teacher', labels, sources, chaptersDir: path.join(project, 'chapters'), root: project })
    const urls = fc.constantFrom('javascript:alert(1)', 'JaVaScRiPt:alert(1)', '&#106;avascript:alert(1)', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd', '//evil.example/x.png', '/etc/passwd', '../../etc/passwd', 'https://evil.example/x.png', 'images/still.png', '#part', '01-case.md#part', 'mailto:a@b.example', 'www.example.com', 'kathy@example.org')
    const attributes = fc.constantFrom('onclick="alert(1)"', 'style="color:red"', 'id="x y"', '.cls', '#ident', 'href="javascript:alert(1)"', 'src="https://evil.example/x.png"', 'title="t"', 'source="film"', 'spoilers="none"', 'data-x="1"', 'role="button"')
    const names = fc.constantFrom('callout', 'question', 'answer', 'teacher', 'activity', 'definition', 'quote', 'spoiler', 'unknown')
    const markdown = fc.oneof(
      urls.map((url) => `[a link](${url})`),
      urls.map((url) => `![an image](${url})`),
      urls.map((url) => `[ref][r]\n\n[r]: ${url} "t"`),
      urls.map((url) => `<${url}>`),
      urls,
      fc.tuple(names, attributes, attributes).map(([name, a, b]) => `:::${name}{${a} ${b}}\nText :cite[film] and :term[x]{${a}}.\n:::`),
      fc.tuple(names, attributes).map(([name, a]) => `::${name}{${a}}`),
      attributes.map((a) => `Text :cite[film]{${a}} and :unknown[y]{${a}}`),
      fc.constantFrom('| a | b |\n|:-|-:|\n| 1 | 2 |', '- [ ] task\n- [x] done', 'Note[^1].\n\n[^1]: A note.', '~~gone~~', '```js\ncode\n```', '## Heading {#custom}', '***', 'a  \nb')
    )
    const chapter = fc.array(fc.oneof(markdown, fc.string({ maxLength: 20 }).filter((s) => !s.includes('<'))), { maxLength: 8 }).map((parts) => `## Part\n\n${parts.join('\n\n')}\n`)
    await fc.assert(
      fc.asyncProperty(chapter, async (body) => {
        const file = new VFile({ path: path.join(project, 'chapters/01-case.md'), value: matter() + body, data: { slug: 'case', order: 1 } })
        untouched((await runChapter(processor, file)) as Root, file)
      }),
      { numRuns: 300, seed: 20261121 }
    )
  })
})
