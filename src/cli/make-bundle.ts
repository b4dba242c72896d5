// `npm run compile`, after tsc: the command line and every module it reaches, packages included, bundled into
// one CommonJS file, lib/nlmg.cjs (which bundled-cli.ts runs through V8's code cache), with a manifest of
// what it was made from. Left out: the printing packages (Puppeteer, pdf-lib, pdfjs), loaded with `require`
// when a PDF is printed; Chromium's time dwarfs theirs. Then one EPUB build of the guide writes the code
// cache, so that it holds the functions that read, check and write a book (a run writes the cache only when
// there is none, and keeps what that run compiled: a first run of `--help` would keep little).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { build, type Plugin } from 'rolldown'
import { packageRoot } from '../core/paths.js'
import { precompiledName, precompileTemplates } from '../render/templates.js'
import { bundleName, codeCacheDir, libDir, manifestName, modulesFingerprint, removeCodeCaches, type BundleManifest } from './bundled-cli.js'

const bundleFile = path.join(libDir, bundleName)

// The package's templates, precompiled (templates.ts says why), before the warm-up run below uses them. A
// template Handlebars cannot read is left to fail where it is used, with the build's own message.
const precompiledFile = path.join(libDir, precompiledName)
try {
  const templates = await precompileTemplates(path.join(packageRoot, 'templates'))
  const entries = templates.map(({ name, source, spec }) => `  ${JSON.stringify(name)}: { source: ${JSON.stringify(source)}, spec: ${spec} }`)
  await writeFile(precompiledFile, `// Made by \`npm run compile\` (make-bundle.ts) from templates/: see templates.ts.\nmodule.exports = {\n${entries.join(',\n')}\n}\n`)
} catch (error) {
  await rm(precompiledFile, { force: true })
  process.stderr.write(`warning: could not precompile the templates (${(error as Error).message.split('\n')[0]}); they are compiled when used\n`)
}

/**
 * Two of epub-gen-memory's modules as the book uses it: its option checks, with `ow` (34 modules), give way to the
 * no-op checks the package itself ships for browsers (our options are built by epub.ts, never by hand), and
 * `node-fetch` (with whatwg-url and tr46's 260 kB table) to a stub that refuses, since the book packs local
 * files only (remark-links and the HTML schema let no other image through; the fonts are installed packages)
 * and the package reads `file:` URLs itself. A fifth off the bundle and a third off its code cache. The
 * modules, run when there is no bundle, keep both.
 */
const localFilesOnly: Plugin = {
  name: 'epub-gen-memory-local-files',
  resolveId(source, importer) {
    const inPackage = importer?.includes(`${path.sep}epub-gen-memory${path.sep}dist${path.sep}lib${path.sep}util${path.sep}`)
    if (inPackage && source === './predicates') return path.join(path.dirname(importer as string), 'predicates-nop.js')
    if (inPackage && source === 'node-fetch') return '\0no-network'
    return null
  },
  load(id) {
    return id === '\0no-network' ? 'module.exports = (url) => { throw new Error(`nlmg packs local files only, not ${url}`) }' : null
  }
}
const manifestFile = path.join(libDir, manifestName)
// A failed bundle must not leave an old one that looks current.
await rm(manifestFile, { force: true })
try {
  await build({
    input: path.join(libDir, 'cli-main.js'),
    platform: 'node',
    external: [/^puppeteer(\/|$)/, /^pdf-lib(\/|$)/, /^pdfjs-dist(\/|$)/],
    logLevel: 'warn',
    plugins: [localFilesOnly],
    output: {
      file: bundleFile,
      format: 'cjs',
      codeSplitting: false,
      // Note: code run from V8's code cache cannot `import()` (Node 20 loses the callback), so the packages
      // left out are loaded with `require`, which loads ES modules too (Node 20.19 and later).
      dynamicImportInCjs: false
    }
  })
} catch (error) {
  // Only speed is lost: with no manifest, `nlmg` runs the modules.
  process.stderr.write(`warning: could not bundle the command line (${(error as Error).message.split('\n')[0]}); nlmg runs its modules, more slowly\n`)
  process.exit(0)
}
const bytes = await readFile(bundleFile)
const manifest: BundleManifest = { modules: modulesFingerprint(), digest: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length }
await writeFile(manifestFile, `${JSON.stringify(manifest)}\n`)

// A cache kept from a smaller run of the same bundle would stay: start from none.
removeCodeCaches(codeCacheDir())
const out = await mkdtemp(path.join(os.tmpdir(), 'nlmg-warm-'))
try {
  // Whatever the guide's state (a chapter half written, say), the run leaves a cache; its report is not ours to show.
  const args = [path.join(libDir, 'cli.js'), 'build', '--root', path.dirname(libDir), '--format', 'epub', '--out', out, '--no-cache']
  spawnSync(process.execPath, args, { stdio: 'ignore' })
} finally {
  await rm(out, { recursive: true, force: true })
}
