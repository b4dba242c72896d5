// Property: whatever Markdown and HTML an author (or an attacker) writes, the Markdown-to-HTML stage returns a
// tree without throwing, and the tree holds no script, event handler, frame, form, style or URL that could run
// code or load anything from outside the project. Inputs mix arbitrary text with generated hostile fragments.
import path from 'node:path'
import type { Root } from 'hast'
import fc from 'fast-check'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { loadLabels } from '../src/project/labels.js'
import { createChapterProcessor, processChapter } from '../src/chapter/chapter.js'
import { matter, root, sources, chapterFile, referencesFor } from './helpers.js'
import { corpus } from './hostile-corpus.js'
import { forbidden } from './hostile-forbidden.js'

const project = path.join(corpus, 'shared')

const urls = fc.constantFrom(
  'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java&#x09;script:alert(1)',
  '&#106;avascript:alert(1)', 'javascript&colon;alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>',
  'data:image/png;base64,iVBORw0KGgo=', 'file:///etc/passwd', '//evil.example/x.png', '/etc/passwd', '../../../../etc/passwd',
  '%2e%2e/%2e%2e/etc/passwd', 'https://evil.example/x.png', 'images/still.png', '#part', '01-case.md#part', 'mailto:a@b.example'
)
const tags = fc.constantFrom('script', 'img', 'a', 'iframe', 'object', 'embed', 'form', 'input', 'style', 'link', 'meta', 'base', 'svg', 'math', 'video', 'audio', 'source', 'div', 'span', 'b', 'abbr', 'details', 'table', 'td', 'noscript', 'template', 'textarea', 'title', 'image')
const attributes = fc.constantFrom('onclick', 'onerror', 'ONLOAD', 'onmouseover', 'href', 'src', 'srcset', 'style', 'action', 'formaction', 'data', 'xlink:href', 'background', 'poster', 'id', 'class', 'title')
const quoted = fc.oneof(urls, fc.constant('background:url(https://evil.example/x.png)'), fc.constant('alert(1)'), fc.string({ maxLength: 12 }))

/** One HTML element with a hostile attribute, open or closed, possibly unbalanced. */
const element = fc.tuple(tags, attributes, quoted, fc.string({ maxLength: 10 }), fc.boolean()).map(([tag, attribute, value, inner, close]) => {
  const escaped = value.replaceAll('"', '&quot;')
  return `<${tag} ${attribute}="${escaped}">${inner}${close ? `</${tag}>` : ''}`
})

/** Markdown constructs that carry URLs or HTML: links, images, references, autolinks, code, directives, nesting. */
const markdown = fc.oneof(
  urls.map((url) => `[a link](${url})`),
  urls.map((url) => `![an image](${url})`),
  urls.map((url) => `[ref][r]\n\n[r]: ${url}`),
  urls.map((url) => `<${url}>`),
  element.map((html) => `\`${html}\``),
  element.map((html) => `:::callout{title="${html.replaceAll('"', "'")}" onclick="alert(1)"}\n${html}\n:::`),
  fc.tuple(fc.constantFrom('- ', '> ', '1. '), fc.integer({ min: 1, max: 40 }), element).map(([open, depth, html]) => `${open.repeat(depth)}${html}`),
  fc.constant('<!-- a comment <script>alert(1)</script> -->'),
  fc.constant('<![CDATA[<script>alert(1)</script>]]>')
)

const chapter = fc
  .tuple(fc.array(fc.oneof(element, markdown, fc.string({ unit: 'binary', maxLength: 40 })), { maxLength: 10 }), fc.constantFrom('\n\n', '\n', ' ', ''))
  .map(([parts, separator]) => `## Part\n\n${parts.join(separator)}\n`)

describe('the Markdown-to-HTML stage on generated hostile input', () => {
  it('should never throw and never emit a forbidden element, attribute or URL', async () => {
    const labels = await loadLabels(path.join(root, 'templates'))
    const processor = createChapterProcessor({ labels, sources, references: await referencesFor(sources), chaptersDir: path.join(project, 'chapters'), root: project }, ['student'])
    await fc.assert(
      fc.asyncProperty(chapter, async (body) => {
        const { tree } = (await processChapter(processor, chapterFile(matter() + body, 'case', path.join(project, 'chapters')))).get('student') ?? { tree: { type: 'root' as const, children: [] } }
        expect(forbidden(tree, project)).toEqual([])
      }),
      { numRuns: 400, seed: Number(process.env.FC_SEED ?? 20_240_501) }
    )
  })

  it('should catch what the property looks for: an unsanitised tree fails it', () => {
    const tree: Root = { type: 'root', children: [{ type: 'element', tagName: 'a', properties: { href: 'java\tscript:alert(1)', onClick: 'x' }, children: [] }] }
    expect(forbidden(tree, project)).toEqual(['<a href="java\tscript:alert(1)">', 'onClick on <a>'])
  })
})
