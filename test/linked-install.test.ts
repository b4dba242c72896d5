// A linked install (pnpm, or node_modules as a symlink): the fonts live outside the package's folder, and the
// printed page must still load them, through their real paths.
import { spawnSync } from 'node:child_process'
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { root } from './helpers.js'
import { pdfFonts } from './tools.js'

const temp = await mkdtemp(path.join(os.tmpdir(), 'nlmg-linked-'))
afterAll(() => rm(temp, { recursive: true, force: true }))

describe('a linked install', () => {
  it('should print the PDF with its own fonts embedded when node_modules is a symlink', async () => {
    const pkg = path.join(temp, 'package')
    for (const part of ['lib', 'templates', 'styles', 'package.json']) await cp(path.join(root, part), path.join(pkg, part), { recursive: true })
    await symlink(path.join(root, 'node_modules'), path.join(pkg, 'node_modules'), 'dir')
    const project = path.join(temp, 'book')
    await cp(path.join(root, 'test/fixtures/book-basic'), project, { recursive: true })
    const out = path.join(temp, 'out')
    const run = spawnSync(process.execPath, [path.join(pkg, 'lib/cli.js'), 'build', '--root', project, '--format', 'pdf', '--edition', 'student', '--out', out], { encoding: 'utf8' })
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' })
    const fonts = await pdfFonts(path.join(out, 'student/fixture-book.pdf'))
    expect(fonts.map((f) => f.name).join(' ')).toMatch(/Literata/)
    expect(fonts.every((f) => f.embedded)).toBe(true)
  }, 120_000)
})
