// A build that fails half-way leaves the output folder byte for byte as it was: the fixture book is built once,
// then rebuilt with a changed chapter that breaks (a content error) or with a browser that fails after the
// EPUB stage; every byte under the output folder is compared.
import { createHash } from 'node:crypto'
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build/build.js'
import { findBrowser } from '../src/browser/browser.js'
import { copyToTemp, root } from './helpers.js'

const fixture = path.join(root, 'test/fixtures/book-basic')
const options = { formats: ['epub', 'pdf'] as Array<'epub' | 'pdf'>, editions: ['student'] as Array<'student'>, sourceDateEpoch: 1_714_521_600 }
let project: string
let out: string
let before: Map<string, string>

/** Every file below `dir` (hidden temporary files included) with the SHA-256 of its bytes. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort()
  return new Map(await Promise.all(files.map(async (f) => [f, createHash('sha256').update(await readFile(path.join(dir, f))).digest('hex')] as const)))
}

/** Change the opening chapter's text, so that any output built from it would differ. */
async function edit(replace: (text: string) => string) {
  const chapter = path.join(project, 'chapters/01-opening.md')
  await writeFile(chapter, replace(await readFile(chapter, 'utf8')))
}

beforeAll(async () => {
  project = await copyToTemp(fixture, 'nlmg-atomic-project-')
  out = await mkdtemp(path.join(os.tmpdir(), 'nlmg-atomic-out-'))
  const first = await build({ root: project, outDir: out, ...options })
  expect(first.ok).toBe(true)
  before = await snapshot(out)
})
afterAll(async () => {
  await rm(project, { recursive: true, force: true })
  await rm(out, { recursive: true, force: true })
})

describe.runIf(findBrowser())('a build that fails half-way', () => {
  it('should have written the first build’s EPUB and PDF', () => {
    expect([...before.keys()]).toEqual(['student/fixture-book.epub', 'student/fixture-book.pdf'])
  })

  it('should leave the output folder as it was when a chapter holds an error', async () => {
    await edit((text) => text.replace('## First section', '## First section\n\nA NEW SENTENCE <script>alert(1)</script>'))
    const report = await build({ root: project, outDir: out, ...options })
    expect(report.ok).toBe(false)
    expect(report.files.flatMap((f) => f.messages.map((m) => m.ruleId))).toContain('unsafe-html')
    expect(await snapshot(out)).toEqual(before)
  })

  it('should leave the output folder as it was when the browser fails after the EPUB was made', async () => {
    await edit((text) => text.replace(/A NEW SENTENCE.*\n/, 'A NEW SENTENCE, valid this time :cite[film].\n'))
    const fake = path.join(project, 'broken-chromium')
    await writeFile(fake, '#!/bin/sh\necho "cannot start" >&2\nexit 1\n')
    await chmod(fake, 0o755)
    const report = await build({ root: project, outDir: out, browser: fake, ...options })
    expect(report.ok).toBe(false)
    expect(report.failure).toBe(`Chromium at ${fake} did not start: it exited with code 1 (it said: cannot start)`)
    expect(await snapshot(out)).toEqual(before)
  })
})
