// The corpus of broken and hostile inputs, each with the outcome and the messages it must give.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { arranged, corpus, generated, link, text, type Case } from './hostile-corpus.js'

const { matter, bytes } = text
const still = () => readFile(path.join(corpus, 'shared/chapters/images/still.png'))

/** Chapter cases committed as files in test/fixtures/hostile/chapters/. */
const chapters: Case[] = [
  { name: '01-missing-title.md', kind: 'chapter', ok: false, messages: ['01-missing-title.md:2:1 schema'] },
  { name: '01-no-front-matter.md', kind: 'chapter', ok: false, messages: ['01-no-front-matter.md:1:1 missing-front-matter'] },
  { name: '01-front-matter-yaml.md', kind: 'chapter', ok: false, messages: ['01-front-matter-yaml.md:3:1 yaml'] },
  { name: '01-unknown-directive.md', kind: 'chapter', ok: false, messages: ['01-unknown-directive.md:7:1 unknown-directive'] },
  { name: '01-unclosed-directive.md', kind: 'chapter', ok: false, messages: ['01-unclosed-directive.md:9:1 directive-unclosed'] },
  { name: '01-missing-image.md', kind: 'chapter', ok: false, messages: ['01-missing-image.md:7:1 image-missing'] },
  { name: '01-image-no-alt.md', kind: 'chapter', ok: false, messages: ['01-image-no-alt.md:7:1 image-alt'] },
  { name: '01-remote-image.md', kind: 'chapter', ok: false, messages: ['01-remote-image.md:7:1 image-remote'] },
  { name: '01-image-escapes.md', kind: 'chapter', ok: false, messages: ['01-image-escapes.md:7:1 image-outside', '01-image-escapes.md:9:1 image-outside', '01-image-escapes.md:11:1 image-outside', '01-image-escapes.md:13:1 image-remote', '01-image-escapes.md:15:1 image-remote', '01-image-escapes.md:17:1 image-remote', '01-image-escapes.md:19:1 image-missing'] },
  { name: '01-image-not-picture.md', kind: 'chapter', ok: false, messages: ['01-image-not-picture.md:7:1 image-type'] },
  { name: '01-broken-link.md', kind: 'chapter', ok: false, messages: ['01-broken-link.md:7:5 link-broken', '01-broken-link.md:7:56 link-broken'] },
  { name: '01-link-escapes.md', kind: 'chapter', ok: false, messages: ['01-link-escapes.md:7:3 link-target', '01-link-escapes.md:8:3 link-target', '01-link-escapes.md:9:3 link-target', '01-link-escapes.md:10:3 link-target', '01-link-escapes.md:11:3 link-target', '01-link-escapes.md:12:3 link-target', '01-link-escapes.md:13:3 link-target', '01-link-escapes.md:14:3 link-target', '01-link-escapes.md:15:3 link-target'] },
  { name: '01-reference-escapes.md', kind: 'chapter', ok: false, messages: ['01-reference-escapes.md:7:3 link-target', '01-reference-escapes.md:7:30 image-remote'] },
  { name: '01-unknown-source.md', kind: 'chapter', ok: false, messages: ['01-unknown-source.md:7:9 citation-unknown'] },
  { name: '01-script-tag.md', kind: 'chapter', ok: false, messages: ['01-script-tag.md:9:1 unsafe-html', '01-script-tag.md:11:16 unsafe-html'] },
  { name: '01-event-handler.md', kind: 'chapter', ok: false, messages: ['01-event-handler.md:7:3 unsafe-html', '01-event-handler.md:7:43 unsafe-html', '01-event-handler.md:9:1 unsafe-html'] },
  { name: '01-javascript-html-link.md', kind: 'chapter', ok: false, messages: ['01-javascript-html-link.md:7:1 unsafe-html', '01-javascript-html-link.md:7:39 unsafe-html', '01-javascript-html-link.md:7:77 unsafe-html', '01-javascript-html-link.md:7:122 unsafe-html'] },
  { name: '01-frames-objects-forms.md', kind: 'chapter', ok: false, messages: ['01-frames-objects-forms.md:7:1 unsafe-html', '01-frames-objects-forms.md:9:1 unsafe-html', '01-frames-objects-forms.md:11:1 unsafe-html', '01-frames-objects-forms.md:13:1 unsafe-html', '01-frames-objects-forms.md:13:38 unsafe-html', '01-frames-objects-forms.md:15:1 unsafe-html', '01-frames-objects-forms.md:17:1 unsafe-html', '01-frames-objects-forms.md:19:1 unsafe-html'] },
  { name: '01-css-url.md', kind: 'chapter', ok: false, messages: ['01-css-url.md:7:1 unsafe-html', '01-css-url.md:9:1 unsafe-html'] },
  { name: '01-raw-image.md', kind: 'chapter', ok: false, messages: ['01-raw-image.md:7:3 unsafe-html', '01-raw-image.md:7:50 unsafe-html', '01-raw-image.md:7:105 unsafe-html', '01-raw-image.md:7:159 unsafe-html'] },
  { name: '01-svg-math.md', kind: 'chapter', ok: false, messages: ['01-svg-math.md:7:1 unsafe-html', '01-svg-math.md:9:1 unsafe-html'] },
  { name: '01-html-comment.md', kind: 'chapter', ok: true, messages: [] },
  { name: '01-harmless-html.md', kind: 'chapter', ok: true, messages: [] },
  { name: '01-unclosed-html.md', kind: 'chapter', ok: true, messages: [] },
  { name: '01-directive-attributes.md', kind: 'chapter', ok: true, messages: [] },
  { name: '01-question-lines.md', kind: 'chapter', ok: false, messages: ['01-question-lines.md:7:1 question-lines'] },
  { name: '01-duplicate-glossary.md', kind: 'chapter', ok: false, messages: ['01-duplicate-glossary.md:11:1 duplicate-id'] },
  { name: '01-html-id-clash.md', kind: 'chapter', ok: false, messages: ['01-html-id-clash.md:9:6 duplicate-id'] },
  { name: '01-empty.md', kind: 'chapter', ok: false, messages: ['01-empty.md:1:1 missing-front-matter'] },
  { name: '01-self-link.md', kind: 'chapter', ok: true, messages: [] },
  { name: '01-heading-one.md', kind: 'chapter', ok: false, messages: ['01-heading-one.md:7:1 heading-depth'] }
]

/** Project cases committed as folders in test/fixtures/hostile/projects/. */
const projects: Case[] = [
  { name: 'invalid-yaml', kind: 'project', ok: false, messages: ['book.yaml:3:1 yaml'] },
  { name: 'missing-title', kind: 'project', ok: false, messages: ['book.yaml:1:1 schema'] },
  { name: 'duplicate-slug', kind: 'project', ok: false, messages: ['02-same.md:-:- duplicate-slug', '02-same.md:-:- duplicate-id'] },
  { name: 'wrong-name', kind: 'project', ok: false, messages: ['Intro.md:-:- chapter-name'] },
  { name: 'duplicate-source', kind: 'project', ok: false, messages: ['b.yaml:5:3 source-duplicate'] },
  { name: 'bad-sources', kind: 'project', ok: false, messages: ['main.yaml:3:3 yaml'] },
  { name: 'no-chapters', kind: 'project', ok: false, messages: ['chapters:-:- missing-chapters'] }
]

const nested = (open: string, depth: number) => `${matter('Deep')}${open.repeat(depth)}x\n`

/** Cases made by the test: bytes that are not text, sizes not worth committing, links and folders. */
const made: Case[] = [
  generated('bom', () => bytes(`\uFEFF${matter('Byte order mark')}Text.\n`), { ok: true, messages: [] }),
  generated('crlf', () => `${matter('Windows line ends')}## Part\r\n\r\nText [here](#part).\r\n\r\n:::callout\r\nA block.\r\n:::\r\n`.replaceAll(/(?<!\r)\n/g, '\r\n'), { ok: true, messages: [] }),
  generated('latin1', () => Uint8Array.from([...bytes(`${matter('Latin-1')}Caf`), 0xe9, ...bytes(' au lait.\n')]), { ok: false, messages: ['01-latin1.md:7:4 encoding'] }),
  generated('utf16', () => Uint8Array.from([0xff, 0xfe, ...[...`${matter('UTF-16')}Text.\n`].flatMap((c) => [c.charCodeAt(0), 0])]), { ok: false, messages: ['01-utf16.md:1:1 encoding'] }),
  generated('binary', still, { ok: false, messages: ['01-binary.md:3:1 binary-file'] }),
  generated('nul-byte', () => `${matter('NUL')}Text.\n\nA NUL\u0000 here.\n`, { ok: false, messages: ['01-nul-byte.md:9:6 binary-file'] }),
  generated('five-megabytes', () => matter('Huge') + `${'All work and no play makes a dull chapter. '.repeat(20)}\n\n`.repeat(6_200), { ok: false, messages: ['01-five-megabytes.md:-:- chapter-size'] }),
  generated('long-line', () => `${matter('One long line')}${'word '.repeat(20_000)}\n`, { ok: true, messages: [] }),
  generated('deep-lists', () => nested('- ', 1_000), { ok: false, messages: ['01-deep-lists.md:7:257 too-deep'] }),
  generated('deep-quotes', () => nested('> ', 1_000), { ok: false, messages: ['01-deep-quotes.md:7:513 too-deep'] }),
  generated('deep-html', () => `${matter('Deep HTML')}${'<div>'.repeat(10_000)}x${'</div>'.repeat(10_000)}\n`, { ok: false, messages: ['01-deep-html.md:7:1 too-deep'] }),
  generated('many-headings', () => `${matter('Ten thousand headings')}${Array.from({ length: 10_000 }, (_, i) => `## Heading ${i + 1}\n\nText.\n`).join('\n')}`, { ok: true, messages: [], ms: 60_000 }),
  generated('huge-table', () => `${matter('A huge table')}${table(30, 1_000)}`, { ok: true, messages: [], ms: 60_000 }),
  arranged('image-symlink', async (dir) => {
    await link(path.join(dir, 'images'), 'passwd.png', '/etc/passwd')
    await writeFile(path.join(dir, '01-image-symlink.md'), `${matter('Image link')}![The password file](images/passwd.png)\n`)
  }, { ok: false, messages: ['01-image-symlink.md:7:1 image-outside'] }),
  arranged('chapter-symlink', (dir) => link(dir, '01-chapter-symlink.md', '/etc/passwd'), { ok: false, messages: ['01-chapter-symlink.md:-:- chapter-outside'] }),
  // The shared cover lives in chapters/images, so its absence is reported too, together with the folder's.
  arranged('no-chapters-folder', (dir) => rm(dir, { recursive: true }), { ok: false, messages: ['book.yaml:8:1 image-missing', 'chapters:-:- missing-chapters'] }),
  arranged('directory', (dir) => mkdir(path.join(dir, '01-directory.md')), { ok: false, messages: ['01-directory.md:-:- chapter-unreadable'] })
]

function table(columns: number, rows: number): string {
  const row = (cell: (c: number) => string) => `| ${Array.from({ length: columns }, (_, c) => cell(c)).join(' | ')} |\n`
  return row((c) => `Column ${c}`) + row(() => '---') + Array.from({ length: rows }, (_, r) => row((c) => `r${r}c${c}`)).join('')
}

export const cases: Case[] = [...chapters, ...projects, ...made]
