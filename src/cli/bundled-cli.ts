// The command line from one bundled file, compiled once. Loading the CLI's modules one by one (the bundle holds
// some 750) and compiling each function on first call cost a quarter of a small book's EPUB build. `npm run compile`
// bundles those modules into lib/nlmg.cjs (make-bundle.ts); this runs that file through V8's code cache (what
// Node 22 does for ES modules with `module.enableCompileCache()`, which Node 20 lacks). The cache is written
// after a run that had none, beside the installed packages (node_modules/.cache/nlmg/code, or the folder
// NODE_COMPILE_CACHE names), and V8 refuses it by itself if Node or its flags changed; that run writes a new one.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'

/** What cli-main.ts exports. */
export interface Cli {
  run(argv: string[]): Promise<void>
}

/** Written by make-bundle.ts beside the bundle. */
export interface BundleManifest {
  /** `modulesFingerprint()` of the modules bundled. */
  modules: string
  /** SHA-256 of the bundle. */
  digest: string
  /** The bundle's size in bytes: one of another size (cut short, edited) is not the one made. */
  bytes: number
}

/** The compiled modules (lib/): the bundle and its manifest live here too. */
export const libDir = path.dirname(fileURLToPath(import.meta.url))
export const bundleName = 'nlmg.cjs'
export const manifestName = 'nlmg.json'

/** Where the code cache goes: NODE_COMPILE_CACHE, as Node's own cache, else beside the installed packages. */
export function codeCacheDir(lib = libDir): string {
  return process.env.NODE_COMPILE_CACHE || path.join(path.dirname(lib), 'node_modules', '.cache', 'nlmg', 'code')
}

/**
 * The compiled modules in `lib` and the installed packages beside it as they are now (names, sizes and times
 * of lib/*.js and of npm's record of node_modules): a bundle made from anything else is out of date.
 * Note: not toolchain-digest.ts, which hashes the files' text for the chapter cache (a recompile that changes
 * nothing must keep the cache). It is asked on every run before the choice, when only Node's own modules may
 * load, and every compile rebundles anyway.
 */
export function modulesFingerprint(lib = libDir): string {
  const root = path.dirname(lib)
  const hash = createHash('sha256')
  const files = readdirSync(lib)
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => path.join(lib, name))
  for (const file of [...files, path.join(root, 'node_modules', '.package-lock.json')]) {
    const info = statSync(file, { throwIfNoEntry: false })
    hash.update(`${path.relative(root, file)}\0${info?.size}\0${info?.mtimeMs}\0`)
  }
  return hash.digest('hex')
}

export interface LoadOptions {
  /** The compiled modules, with the bundle and its manifest (default: this module's folder). */
  lib?: string
  /** Whether this run may write the code cache when it finds none: a command that reads a book (a `--help` would keep little). */
  keepsCache?: boolean
}

/**
 * The CLI from the bundle, or `undefined` when there is none, it is out of date or it does not start (then the
 * modules run as they are, only slower). A run that found no code cache (or one V8 refused) writes one when it
 * ends, if it `keepsCache`. Set `NODE_DISABLE_COMPILE_CACHE` (as for Node's own cache) to skip the code cache.
 */
export function loadBundledCli({ lib = libDir, keepsCache = true }: LoadOptions = {}): Cli | undefined {
  const bundleFile = path.join(lib, bundleName)
  let manifest: BundleManifest
  let source: string
  try {
    manifest = JSON.parse(readFileSync(path.join(lib, manifestName), 'utf8')) as BundleManifest
    if (manifest.modules !== modulesFingerprint(lib) || statSync(bundleFile).size !== manifest.bytes) return undefined
    source = readFileSync(bundleFile, 'utf8')
  } catch {
    return undefined
  }
  const cacheFile = path.join(codeCacheDir(lib), `nlmg-${manifest.digest.slice(0, 16)}-${process.version}-${process.arch}.v8`)
  const useCache = !process.env.NODE_DISABLE_COMPILE_CACHE
  const cachedData = useCache ? readOrNothing(cacheFile) : undefined
  const module = { exports: {} as Cli }
  let script: vm.Script
  try {
    // The same wrapper Node puts around a CommonJS module.
    script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundleFile, cachedData })
    script.runInThisContext()(module.exports, createRequire(bundleFile), module, bundleFile, lib)
  } catch {
    // A bundle that does not compile or start (damaged in place): the modules do the work.
    return undefined
  }
  // Written on the way out, so it holds every function this run compiled, not just the top level.
  if (useCache && keepsCache && (!cachedData || script.cachedDataRejected)) process.once('exit', () => writeCodeCache(script, cacheFile))
  return module.exports
}

function readOrNothing(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

/**
 * Through a temporary name, so a run beside this one never reads half a cache; the caches of other bundles
 * (earlier compiles) go. A cache that cannot be written only costs time.
 */
function writeCodeCache(script: vm.Script, file: string) {
  try {
    mkdirSync(path.dirname(file), { recursive: true })
    const temporary = `${file}.${process.pid}.tmp`
    writeFileSync(temporary, script.createCachedData())
    renameSync(temporary, file)
    removeCodeCaches(path.dirname(file), path.basename(file))
  } catch {
    // Read-only installation: every run compiles the bundle afresh.
  }
}

/** Remove the code caches in `dir` (ours only: the folder may be Node's own cache), but for the one named `keep`. */
export function removeCodeCaches(dir: string, keep?: string) {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) if (/^nlmg-.*\.v8$/.test(name) && name !== keep) rmSync(path.join(dir, name), { force: true })
}
