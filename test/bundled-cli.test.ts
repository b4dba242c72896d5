// The command line from its bundle (lib/nlmg.cjs) through V8's code cache: the same output as the modules, an
// out-of-date bundle never run, a code cache written once and replaced when V8 refuses it.
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadBundledCli, manifestName, modulesFingerprint } from '../src/cli/bundled-cli.js'
import { root } from './helpers.js'

const lib = path.join(root, 'lib')
const node = (args: string[], env: NodeJS.ProcessEnv = {}) => promisify(execFile)(process.execPath, args, { env: { ...process.env, CI: 'true', ...env } })
const temporary: string[] = []
const tempDir = async (prefix: string) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
  temporary.push(dir)
  return dir
}
afterEach(async () => {
  vi.unstubAllEnvs()
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

describe('the bundled command line', () => {
  it('should be current after `npm run compile` and write the same EPUB as the modules', async () => {
    const manifest = JSON.parse(await readFile(path.join(lib, manifestName), 'utf8')) as { modules: string }
    expect(manifest.modules).toBe(modulesFingerprint(lib))
    // The launcher takes the bundle (a stale one would give `undefined` and the modules would run).
    const chosen = await node(['--input-type=module', '-e', `const m = await import(${JSON.stringify(path.join(lib, 'bundled-cli.js'))}); process.stdout.write(typeof m.loadBundledCli()?.run)`])
    expect(chosen.stdout).toBe('function')

    const out = await tempDir('nlmg-bundle-out-')
    const args = ['build', '--root', path.join(root, 'test/fixtures/book-basic'), '--format', 'epub', '--edition', 'student', '--no-cache']
    await node([path.join(lib, 'cli.js'), ...args, '--out', path.join(out, 'bundle')])
    const modules = `const m = await import(${JSON.stringify(path.join(lib, 'cli-main.js'))}); await m.run(process.argv.slice(1))`
    await node(['--input-type=module', '-e', modules, ...args, '--out', path.join(out, 'modules')])
    const epub = (from: string) => readFile(path.join(out, from, 'student', 'fixture-book.epub'))
    const [bundled, unbundled] = await Promise.all([epub('bundle'), epub('modules')])
    expect(bundled.length).toBeGreaterThan(10_000)
    expect(bundled.equals(unbundled)).toBe(true)
  })

  it('should not run a bundle made from other modules than those compiled now, a damaged one, nor one without its manifest', async () => {
    vi.stubEnv('NODE_DISABLE_COMPILE_CACHE', '1')
    const fake = path.join(await tempDir('nlmg-bundle-fake-'), 'lib')
    await mkdir(fake)
    const bundle = "module.exports = { run: async () => {}, made: 'bundle' }\n"
    await writeFile(path.join(fake, 'cli-main.js'), 'export const run = () => {}\n')
    await writeFile(path.join(fake, 'nlmg.cjs'), bundle)
    const manifest = () => writeFile(path.join(fake, manifestName), JSON.stringify({ modules: modulesFingerprint(fake), digest: 'f'.repeat(64), bytes: bundle.length }))
    await manifest()
    expect(loadBundledCli({ lib: fake })).toMatchObject({ made: 'bundle' })
    // A module compiled since: the bundle is out of date.
    await writeFile(path.join(fake, 'cli-main.js'), 'export const run = () => { console.log(1) }\n')
    expect(loadBundledCli({ lib: fake })).toBeUndefined()
    await manifest()
    expect(loadBundledCli({ lib: fake })).toMatchObject({ made: 'bundle' })
    // Damaged in place, its size kept: it does not compile, and the modules run instead of a crash.
    await writeFile(path.join(fake, 'nlmg.cjs'), bundle.replace('= {', '((('))
    expect(loadBundledCli({ lib: fake })).toBeUndefined()
    // Cut short.
    await writeFile(path.join(fake, 'nlmg.cjs'), bundle.slice(0, 20))
    expect(loadBundledCli({ lib: fake })).toBeUndefined()
    await writeFile(path.join(fake, 'nlmg.cjs'), bundle)
    await rm(path.join(fake, manifestName))
    expect(loadBundledCli({ lib: fake })).toBeUndefined()
  })

  it('should write the code cache when a build finds none, keep it, and replace one V8 refuses', async () => {
    const cache = await tempDir('nlmg-code-cache-')
    const env = { NODE_COMPILE_CACHE: cache }
    // `--help` keeps no cache (it would hold little); a check of a book does.
    await node([path.join(lib, 'cli.js'), '--help'], env)
    expect((await readdir(cache)).filter((n) => n.endsWith('.v8'))).toEqual([])
    const check = () => node([path.join(lib, 'cli.js'), 'check', '--root', path.join(root, 'test/fixtures/book-basic'), '--no-cache'], env)
    const cached = async () => {
      const names = (await readdir(cache)).filter((n) => n.endsWith('.v8'))
      expect(names).toHaveLength(1)
      const file = path.join(cache, names[0] as string)
      return { bytes: await readFile(file), mtimeMs: (await stat(file)).mtimeMs }
    }
    await check()
    const first = await cached()
    expect(first.bytes.length).toBeGreaterThan(100_000)
    await check()
    expect((await cached()).mtimeMs).toBe(first.mtimeMs)
    // A damaged cache (or one from another V8): refused, the command still runs, and a good cache replaces it.
    const names = (await readdir(cache)).filter((n) => n.endsWith('.v8'))
    await writeFile(path.join(cache, names[0] as string), Buffer.alloc(first.bytes.length, 7))
    expect((await check()).stdout).toMatch(/words/)
    const replaced = await cached()
    expect(replaced.bytes.equals(Buffer.alloc(first.bytes.length, 7))).toBe(false)
    expect(replaced.bytes.length).toBeGreaterThan(100_000)
  })
})
