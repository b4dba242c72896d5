// `nlmg init`, run as a user runs it: a new guide that passes every check at once, its YAML files naming the
// shipped JSON Schemas, and a folder that holds anything left alone unless --force.
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build/build.js'
import { jsonSchemas } from '../src/project/json-schema.js'
import { root } from './helpers.js'

const cli = path.join(root, 'lib/cli.js')
const run = (args: string[], cwd: string) =>
  promisify(execFile)(process.execPath, [cli, ...args], { cwd, env: { ...process.env, CI: 'true' } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr })
  )

let work: string
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'nlmg-init-'))
})
afterAll(() => rm(work, { recursive: true, force: true }))

describe('nlmg init', () => {
  it('writes a guide that passes every check, with no warning', async () => {
    const result = await run(['init', 'my-guide'], work)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const guide = path.join(work, 'my-guide')
    const files = (await readdir(guide, { recursive: true })).map((f) => f.split(path.sep).join('/')).sort()
    expect(files).toEqual(expect.arrayContaining(['README.md', 'book.yaml', 'chapters/sources/main.yaml', 'schemas/book.schema.json', 'schemas/chapter.schema.json', 'schemas/sources.schema.json']))
    expect(files.filter((f) => /^chapters\/\d\d-[a-z-]+\.md$/.test(f)).length).toBeGreaterThanOrEqual(3)
    const report = await build({ root: guide, checkOnly: true })
    expect(report.files.flatMap((f) => f.messages.map(String))).toEqual([])
    expect(report.ok).toBe(true)
  })

  it('gives the guide a fresh identifier and date, and names the schemas for editors', async () => {
    const yaml = await readFile(path.join(work, 'my-guide/book.yaml'), 'utf8')
    expect(yaml).toMatch(/^# yaml-language-server: \$schema=schemas\/book\.schema\.json$/m)
    expect(yaml).toMatch(/^identifier: urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\b/m)
    expect(yaml).toMatch(/^date: \d{4}-\d{2}-\d{2}\b/m)
    expect(yaml).not.toContain('{{')
    const sources = await readFile(path.join(work, 'my-guide/chapters/sources/main.yaml'), 'utf8')
    expect(sources).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/schemas\/sources\.schema\.json$/m)
    expect(await readFile(path.join(work, 'my-guide/schemas/book.schema.json'), 'utf8')).toBe(jsonSchemas().book)
    // Every key of the schema is explained in book.yaml, set or commented out.
    for (const key of Object.keys(JSON.parse(jsonSchemas().book).properties)) expect(yaml).toMatch(new RegExp(`^#? ?${key}:`, 'm'))
  })

  it('refuses a folder that holds anything, and writes nothing there', async () => {
    const folder = path.join(work, 'busy')
    await mkdir(folder)
    await writeFile(path.join(folder, 'notes.txt'), 'mine')
    const result = await run(['init', 'busy'], work)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^error: .*busy is not empty .*--force/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(await readdir(folder)).toEqual(['notes.txt'])
  })

  it('refuses a file given as the folder, with no stack trace', async () => {
    await writeFile(path.join(work, 'a-file'), '')
    const result = await run(['init', 'a-file'], work)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^error: .*a-file is a file, not a folder/)
  })

  it('writes into it with --force, keeping the files it does not replace', async () => {
    const result = await run(['init', 'busy', '--force'], work)
    expect(result.code).toBe(0)
    expect((await readdir(path.join(work, 'busy'))).sort()).toEqual(['README.md', 'book.yaml', 'chapters', 'notes.txt', 'schemas'])
  })

  it('says how to use it', async () => {
    const result = await run(['init', '--help'], work)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Usage: nlmg init [folder]')
    expect(result.stdout).toContain('--force')
  })
})
