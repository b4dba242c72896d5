// The acceptance test of the package: packed as `npm pack` packs it, installed into an empty folder (from the
// local npm cache where it can), then used as a teacher would: `npx nlmg init my-guide`, `npx nlmg build`.
// Every output (PDF, EPUB, handouts, web site, both editions) holds the sample guide's title and nothing of the
// guide this repository publishes. Slow by nature (an install and a full build): one test file, run once.
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { root } from './helpers.js'
import { pdfPages } from './tools.js'

const exec = promisify(execFile)
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const env = { ...process.env, CI: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }
const run = (command: string, args: string[], cwd: string) => exec(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 })

let work: string
let guide: string
let buildOutput: string

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'nlmg-package-'))
  const { stdout } = await run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root)
  const tarball = path.join(work, (JSON.parse(stdout) as Array<{ filename: string }>)[0]?.filename as string)
  const project = path.join(work, 'project')
  await run('mkdir', [project], work)
  await run(npm, ['install', '--prefer-offline', '--no-save', tarball], project)
  await run(npx, ['--no-install', 'nlmg', 'init', 'my-guide'], project)
  guide = path.join(project, 'my-guide')
  const built = await run(npx, ['--no-install', 'nlmg', 'build', '--verbose'], guide)
  buildOutput = `${built.stdout}\n${built.stderr}`
}, 600_000)
afterAll(() => rm(work, { recursive: true, force: true }))

/** Every file below `folder`, relative to it. */
async function files(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(folder, path.join(e.parentPath, e.name)))
}

async function textOf(file: string): Promise<string> {
  if (file.endsWith('.pdf')) return (await pdfPages(file)).join('\n')
  if (file.endsWith('.epub')) {
    const zip = await JSZip.loadAsync(await readFile(file))
    const names = Object.keys(zip.files).filter((n) => /\.(xhtml|opf|ncx)$/.test(n))
    return (await Promise.all(names.map((n) => zip.file(n)?.async('string') ?? ''))).join('\n')
  }
  return readFile(file, 'utf8')
}

describe('the packed generator, installed elsewhere', () => {
  it('builds the guide `nlmg init` wrote: every format of both editions', async () => {
    expect(buildOutput).toMatch(/browser: /)
    const written = await files(path.join(guide, 'dist'))
    for (const edition of ['student', 'teacher']) {
      expect(written).toContain(path.join(edition, 'frankenstein-study-guide.pdf'))
      expect(written).toContain(path.join(edition, 'frankenstein-study-guide.epub'))
      expect(written).toContain(path.join(edition, 'handouts', '01-introduction.pdf'))
      expect(written).toContain(path.join(edition, 'web', 'index.html'))
    }
  })

  it('puts the sample guide’s title in every output, and nothing of Never Let Me Go', async () => {
    const dist = path.join(guide, 'dist')
    const outputs = (await files(dist)).filter((f) => /\.(pdf|epub|html)$/.test(f))
    expect(outputs.length).toBeGreaterThan(10)
    for (const output of outputs) {
      const text = await textOf(path.join(dist, output))
      if (!output.includes(`web${path.sep}`) || output.endsWith('index.html')) expect(text, output).toContain('Frankenstein')
      expect(text, output).not.toMatch(/Never\s+Let\s+Me\s+Go|Ishiguro|Hailsham/i)
    }
  })

  it('finds its templates and styles inside the package, not in this repository', async () => {
    const installed = path.join(work, 'project', 'node_modules', 'study-guide-generator')
    const shipped = await files(installed)
    expect(shipped).toEqual(expect.arrayContaining([path.join('templates', 'print.hbs'), path.join('styles', 'print.css'), path.join('schemas', 'book.schema.json'), path.join('starter', 'book.yaml')]))
    expect(shipped.some((f) => f.startsWith(`chapters${path.sep}`) || f.startsWith(`test${path.sep}`))).toBe(false)
  })
})
