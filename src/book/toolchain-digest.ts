// What the chapter cache must never outlive: our own compiled modules, the installed packages and Node itself.
// Any change to one of them (an upgrade, a rebuilt `lib/`) makes every cached chapter stale.
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { packageRoot } from '../core/paths.js'

/** A digest of the modules beside this one, the installed packages' lock file and the Node version. */
export async function toolchainDigest(): Promise<string> {
  const hash = createHash('sha256').update(process.version)
  const own = path.dirname(fileURLToPath(import.meta.url))
  const names = (await readdir(own)).filter((n) => /\.[jt]s$/.test(n)).sort()
  const texts = await Promise.all(names.map((n) => readFile(path.join(own, n))))
  names.forEach((name, i) => hash.update(name).update(texts[i] as Buffer))
  // Note: npm's hidden lock file describes what is installed, the project's own what should be.
  for (const lock of ['node_modules/.package-lock.json', 'package-lock.json']) {
    const text = await readFile(path.join(packageRoot, lock)).catch(() => undefined)
    if (text) return hash.update(text).digest('hex')
  }
  return hash.digest('hex')
}
