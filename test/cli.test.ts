// The real command-line binary, run as a user runs it: help, exit codes, messages, dist/ left alone on failure,
// and the live preview serving an edit.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyToTemp, root, startDev } from './helpers.js'

const cli = path.join(root, 'lib/cli.js')
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  promisify(execFile)(process.execPath, [cli, ...args], { env: { ...process.env, CI: 'true', ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr })
  )

let project: string
beforeAll(async () => {
  project = await copyToTemp(path.join(root, 'test/fixtures/book-basic'), 'nlmg-cli-')
})
afterAll(async () => {
  await rm(project, { recursive: true, force: true })
})

/** Run `body` on a throw-away copy of the project, removed afterwards. */
async function onCopy(body: (copy: string) => Promise<void>) {
  const copy = await copyToTemp(project, 'nlmg-cli-copy-')
  try {
    await body(copy)
  } finally {
    await rm(copy, { recursive: true, force: true })
  }
}

describe('nlmg', () => {
  it('should print help for the program and for each command, and its version', async () => {
    const help = await run(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/build .*\n\s+check .*\n\s+dev /)
    for (const command of ['build', 'check', 'dev']) {
      const result = await run([command, '--help'])
      expect(result.code).toBe(0)
      expect(result.stdout).toContain(`Usage: nlmg ${command} [options]`)
    }
    expect((await run(['build', '--help'])).stdout).toMatch(/--format <list>[\s\S]*--paper <size>[\s\S]*--out <dir>/)
    const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'))
    expect((await run(['--version'])).stdout.trim()).toBe(version)
  })

  it('should exit with 2 on bad usage', async () => {
    expect((await run([])).code).toBe(2)
    expect((await run(['publish'])).code).toBe(2)
    expect((await run(['build', '--paper', 'a5'])).stderr).toMatch(/^Bad --paper `a5`/)
    expect((await run(['build', '--no-such-flag'])).code).toBe(2)
  })

  it('should check a good project, print word counts and exit 0', async () => {
    const result = await run(['check', '--root', project])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^opening\s+\d+ words\s+grade -?\d+\.\d\s+\d+ citations, Wikipedia 0%$/m)
  })

  it('should report a content error with its file, line, column and rule, and exit 1', async () => {
    await onCopy(async (copy) => {
      const chapter = path.join(copy, 'chapters/01-opening.md')
      await writeFile(chapter, (await readFile(chapter, 'utf8')).replace('A critic praised it :cite[review,film].', 'A critic praised it :cite[nobody].'))
      const result = await run(['check', '--root', copy], { NO_COLOR: '1' })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(path.join(copy, 'chapters/01-opening.md'))
      expect(result.stderr).toMatch(/15:58-15:71\s+error\s+Unknown source `nobody`.*citation-unknown/)
      expect(result.stderr).not.toMatch(/\u001b\[/)
    })
  })

  it('should leave the output folder byte for byte as it was when a build fails', async () => {
    const out = path.join(project, 'out')
    const first = await run(['build', '--root', project, '--out', out, '--format', 'epub'])
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/^wrote .*student\/fixture-book\.epub {2}\d+ kB$/m)
    const before = await snapshot(out)
    const chapter = path.join(project, 'chapters/02-closing.md')
    const text = await readFile(chapter, 'utf8')
    await writeFile(chapter, text.replace('## Second section', ':::nonsense\nx\n:::\n\n## Second section'))
    try {
      const failed = await run(['build', '--root', project, '--out', out, '--format', 'epub'])
      expect(failed.code).toBe(1)
      expect(failed.stderr).toContain('unknown-directive')
      expect(await snapshot(out)).toEqual(before)
    } finally {
      await writeFile(chapter, text)
    }
  })

  it('should write nothing when only the teacher edition holds an error, though the student PDF prints first', async () => {
    // The student edition is printed while the teacher edition (the checks) is processed beside it: an error
    // inside an answer, which the student edition never sees, must still stop the build.
    await onCopy(async (copy) => {
      const chapter = path.join(copy, 'chapters/01-opening.md')
      await writeFile(chapter, (await readFile(chapter, 'utf8')).replace('ANSWER-GUIDANCE-ONE: a good answer defines it.', 'ANSWER-GUIDANCE-ONE: see :cite[nobody].'))
      const out = path.join(copy, 'fresh-out')
      const result = await run(['build', '--root', copy, '--out', out, '--edition', 'student', '--format', 'pdf'], { NO_COLOR: '1' })
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/41:\d+-41:\d+\s+error\s+Unknown source `nobody`.*citation-unknown/)
      expect(await readdir(out).catch(() => [])).toEqual([])
    })
  })

  it('should serve the web site with `dev`, reloading it, and serve an edit to a chapter', async () => {
    const { child, url } = await startDev(project)
    try {
      const home = await fetch(url)
      expect(home.status).toBe(200)
      const homePage = await home.text()
      // The site the build publishes (home page with its contents), with the live preview's reload script.
      expect(homePage).toMatch(/<a href="closing\.html">/)
      expect(homePage).toContain('<script src="/__nlmg/reload.js" defer></script>')
      const page = `${url}closing.html`
      expect(await (await fetch(page)).text()).toContain('A short line.')
      for (const asset of ['assets/site.css', 'assets/search-index.js', '__nlmg/reload.js']) expect((await fetch(`${url}${asset}`)).status, asset).toBe(200)
      expect(await (await fetch(`${url}assets/search-index.js`)).text()).toContain('window.nlmgSearch')
      const missing = await fetch(`${url}no-such-page.html`)
      expect(missing.status).toBe(404)
      expect(await missing.text()).toContain('<html')
      const chapter = path.join(project, 'chapters/02-closing.md')
      const text = await readFile(chapter, 'utf8')
      await writeFile(chapter, text.replace('A short line.', 'A freshly saved line.'))
      let served = ''
      for (let i = 0; i < 100 && !served.includes('A freshly saved line.'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        served = await (await fetch(page)).text()
      }
      await writeFile(chapter, text)
      expect(served).toContain('A freshly saved line.')
    } finally {
      child.kill('SIGTERM')
    }
  })
})

/** Every file below `dir` with the hash of its bytes. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
  const hashes = await Promise.all(files.map(async (f) => [path.relative(dir, f), createHash('sha256').update(await readFile(f)).digest('hex')]))
  return Object.fromEntries(hashes.sort())
}
