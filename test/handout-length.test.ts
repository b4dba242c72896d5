// How long a handout may run: the pupils' sheet keeps to one sheet of paper (two pages) or the build refuses it at
// the handout's line; the teacher's copy, printed once, may take a second sheet for its answer guidance.
import { appendFile, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../src/build/build.js'
import { copyToTemp, root } from './helpers.js'
import { pdfPages } from './tools.js'

const fixture = path.join(root, 'test/fixtures/book-basic')
const made: string[] = []
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true })
})

/** The fixture book with `questions` added to its opening chapter (which has a handout). */
async function bookWith(questions: string): Promise<string> {
  const book = await copyToTemp(fixture, 'nlmg-handout-length-')
  made.push(book)
  await appendFile(path.join(book, 'chapters/01-opening.md'), `\n## More questions\n\n${questions}`)
  return book
}

const question = (n: number, lines: number, answer: string) => `::::question{lines=${lines}}\nQuestion number ${n}: what changes, and why?\n\n:::answer\n${answer}\n:::\n::::\n\n`

describe('handout length', () => {
  it('refuses a pupils’ sheet over two pages at its handout’s line, and writes nothing', { timeout: 120_000 }, async () => {
    const book = await bookWith([1, 2, 3].map((n) => question(n, 40, 'A short answer.')).join(''))
    const out = path.join(book, 'out')
    const report = await build({ root: book, outDir: out, formats: ['handouts'] })
    const messages = report.files.flatMap((f) => f.messages.filter((m) => m.ruleId === 'handout-length').map((m) => `${f.basename}:${m.line}: ${m.reason}`))
    expect(messages).toEqual([expect.stringMatching(/^01-opening\.md:6: The student handout runs to \d pages \(two at most\)/)])
    expect(report.ok).toBe(false)
    expect(await readdir(out).catch(() => [])).toEqual([])
  })

  it('lets the teacher’s copy take a third page for its answer guidance, while the pupils’ sheet keeps to two', { timeout: 120_000 }, async () => {
    const guidance = 'Good answers name the moment and what it shows about the character. '.repeat(14).trim()
    const book = await bookWith(Array.from({ length: 9 }, (_, i) => question(i + 1, 2, guidance)).join(''))
    const out = path.join(book, 'out')
    const report = await build({ root: book, outDir: out, formats: ['handouts'] })
    expect(report.files.flatMap((f) => f.messages.map(String))).toEqual([])
    expect(report.ok).toBe(true)
    const student = await pdfPages(path.join(out, 'student/handouts/01-opening.pdf'))
    const teacher = await pdfPages(path.join(out, 'teacher/handouts/01-opening.pdf'))
    expect(student.length).toBeLessThanOrEqual(2)
    expect(teacher.length).toBeGreaterThan(2)
    expect(teacher.length).toBeLessThanOrEqual(4)
    // Every question's guidance is on the teacher's copy, the last one on its last page.
    expect(teacher.join('\n')).toContain('Question number 9')
    expect(teacher.at(-1)).toContain('Photocopiable')
  })
})
