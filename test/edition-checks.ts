// Independent of the pipeline: what the teacher edition alone may hold is read from the chapters' Markdown
// with a plain remark parser, and each output's text is read with real readers (pdftotext, jszip + hast).
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import { toText } from 'hast-util-to-text'
import JSZip from 'jszip'
import type { Root } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { toString } from 'mdast-util-to-string'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { pdfPages } from './tools.js'

/** Letters and digits only, lower-cased: immune to hyphenation, line breaks, curly quotes and markup. */
export const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

/** The text of every `:::answer` and `:::teacher` block in the chapters, squashed. */
export async function teacherOnlyTexts(chaptersDir: string): Promise<string[]> {
  const parser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkDirective)
  const texts: string[] = []
  for (const name of (await readdir(chaptersDir)).filter((n) => n.endsWith('.md'))) {
    const tree = parser.parse(await readFile(path.join(chaptersDir, name), 'utf8')) as Root
    visit(tree, 'containerDirective', (node: ContainerDirective) => {
      if (node.name === 'answer' || node.name === 'teacher') {
        const text = node.children.map((child) => toString(child)).join(' ')
        texts.push(squash(text.replace(/:cite\[[^\]]*\]/g, '')))
      }
    })
  }
  return texts
}

/** All the text of a PDF, squashed. */
export async function pdfText(file: string): Promise<string> {
  return squash((await pdfPages(file)).join(' '))
}

/** All the text of an EPUB's XHTML documents, squashed. */
export async function epubText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(file))
  const texts: string[] = []
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xhtml'))) {
    texts.push(toText(fromHtml(await zip.file(name)!.async('string'))))
  }
  return squash(texts.join(' '))
}

/** All the text of a web edition's pages (every HTML file below `dir`) and of its search index, squashed. */
export async function webText(dir: string): Promise<string> {
  const names = (await readdir(dir, { recursive: true })).filter((n) => n.endsWith('.html'))
  const texts: string[] = []
  for (const name of names) texts.push(toText(fromHtml(await readFile(path.join(dir, name), 'utf8'))))
  // The index as its raw text: every excerpt and title it stores, and every term it indexed.
  texts.push(await readFile(path.join(dir, 'assets/search-index.js'), 'utf8'))
  return squash(texts.join(' '))
}

/** Which of `needles` each haystack lacks (teacher) or holds (student): a string per problem, empty when right. */
export function editionProblems(needles: string[], student: Record<string, string>, teacher: Record<string, string>): string[] {
  const problems: string[] = []
  for (const needle of needles) {
    // A window of the guidance is enough to prove presence or absence, and robust to a label inserted between blocks.
    const probe = needle.slice(0, 80)
    for (const [name, text] of Object.entries(student)) if (text.includes(probe)) problems.push(`student ${name} holds “${probe}”`)
    for (const [name, text] of Object.entries(teacher)) if (!text.includes(probe)) problems.push(`teacher ${name} lacks “${probe}”`)
  }
  return problems
}
