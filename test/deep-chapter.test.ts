// One chapter nested 20,000 deep, met by each command as a user meets it: `check`, `build` and `dev` give the same
// located `too-deep` message, build writes nothing, and the dev server stays up, shows the error in its page and
// serves the chapter again once it is mended.
import { execFile } from 'node:child_process'
import { readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyToTemp, root, startDev } from './helpers.js'

const cli = path.join(root, 'lib/cli.js')
const run = (args: string[]) =>
  promisify(execFile)(process.execPath, [cli, ...args], { env: { ...process.env, CI: 'true' }, maxBuffer: 64 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr })
  )

const deep = `---\ntitle: Deep\ndescription: Nested too deep.\nspoilers: none\n---\n\nAn ordinary line.\n\n${'> '.repeat(20_000)}x\n`
/** The message every command must give: the chapter, a line and column inside the quotation, the rule. */
const located = /(\d+):(\d+)\s+error\s+Chapter too deeply nested[^\n]*too-deep/

let project: string
let chapter: string
beforeAll(async () => {
  project = await copyToTemp(path.join(root, 'test/fixtures/book-basic'), 'nlmg-deep-')
  chapter = path.join(project, 'chapters/03-deep.md')
  await writeFile(chapter, deep)
})
afterAll(async () => {
  await rm(project, { recursive: true, force: true })
})

describe('a chapter nested 20,000 deep', () => {
  let place = ''
  it('should be refused by `check` with a located message and exit 1', async () => {
    const { code, stderr } = await run(['check', '--root', project])
    expect(code).toBe(1)
    expect(stderr).toContain('03-deep.md')
    const match = located.exec(stderr)
    expect(match, stderr).not.toBeNull()
    place = `${match?.[1]}:${match?.[2]}`
    // The quotation starts on line 9; its 257th level is further along that line.
    expect(place).toMatch(/^9:\d{3,}$/)
    expect(stderr).not.toMatch(/RangeError|at .*\.js:\d+/)
  })

  it('should be refused by `build` with the same message, writing nothing', async () => {
    const out = path.join(project, 'out')
    const { code, stderr } = await run(['build', '--root', project, '--out', out])
    expect(code).toBe(1)
    expect(located.exec(stderr)?.slice(1, 3).join(':')).toBe(place)
    expect(await readdir(out).catch(() => [])).toEqual([])
  })

  it('should be shown by `dev` in its page with the same message, the server staying up and serving the mended chapter', async () => {
    const { child, url } = await startDev(project)
    let exited = false
    child.once('exit', () => (exited = true))
    try {
      const page = await fetch(url)
      expect(page.status).toBe(500)
      expect(located.exec(await page.text())?.slice(1, 3).join(':')).toBe(place)
      await writeFile(chapter, deep.replace(/> .*\n$/s, 'A mended line.\n'))
      let served = ''
      for (let i = 0; i < 100 && !served.includes('A mended line.'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        served = await (await fetch(`${url}deep.html`)).text()
      }
      expect(served).toContain('A mended line.')
      expect(exited).toBe(false)
    } finally {
      child.kill('SIGTERM')
      await writeFile(chapter, deep)
    }
  })
})
