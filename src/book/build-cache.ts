// What a build keeps for the next one, as Astro's content layer keeps its data store: an entry per name (a
// chapter and edition, the bibliography), valid while its key (the inputs it came from, plus our toolchain)
// and the files it looked at are unchanged. Overwritten in place, so the cache never outgrows the book.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import v8 from 'node:v8'
import { packageRoot } from '../core/paths.js'
import { toolchainDigest } from './toolchain-digest.js'

/** Bump when what an entry holds changes shape. */
const format = 1

interface Entry {
  key: string
  /** Files the work looked at (a chapter's images), as they were then. */
  files: Fingerprint[]
  /** The value, serialised when it was kept (so later changes to it are not). */
  value: Uint8Array
}

interface Fingerprint {
  path: string
  real: string
  size: number
  mtimeMs: number
}

/**
 * Where the command line keeps the cache of the project at `root`: beside the installed packages, as Node tools
 * do (`node_modules/.cache`), not inside the project, so a project folder handed over cannot bring entries
 * of its own (an entry is trusted: its trees are not checked again).
 */
export function defaultCacheDir(root: string): string {
  return path.join(packageRoot, 'node_modules', '.cache', 'nlmg', createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 16))
}

/** The cache in `dir` (created when first written). */
export async function openBuildCache(dir: string) {
  const toolchain = await toolchainDigest()
  /** Entries kept by this build, written when it ends. */
  const pending = new Map<string, Entry>()
  const file = (name: string) => path.join(dir, `${name}.v8`)
  const keyOf = (inputs: unknown[]) => {
    const hash = createHash('sha256').update(String(format)).update(toolchain)
    for (const input of inputs) hash.update(typeof input === 'string' ? input : JSON.stringify(input)).update('\0')
    return hash.digest('hex')
  }

  return {
    /**
     * The value kept under `name` from `inputs`, if neither they nor the files it looked at have changed.
     * Note: read synchronously. A build asks for every chapter in turn, and a read through the promise API waits
     * a round trip to the thread pool each time, hit or miss: a first build of 100 chapters idled 0.15 s.
     */
    async get(name: string, inputs: unknown[]): Promise<unknown> {
      let entry: Entry
      try {
        entry = v8.deserialize(readFileSync(file(name))) as Entry
      } catch {
        // None yet, or damaged.
        return undefined
      }
      if (entry.key !== keyOf(inputs) || !unchanged(entry.files)) return undefined
      return v8.deserialize(entry.value)
    },
    /** Keep `value` (anything `v8.serialize` takes) under `name`; it is serialised now, written by `flush`. */
    set(name: string, inputs: unknown[], value: unknown, files: string[] = []) {
      let fingerprints: Fingerprint[]
      try {
        fingerprints = files.map(fingerprintNow)
      } catch {
        // A file the work read is gone already: what was made from it is not kept.
        return
      }
      pending.set(name, { key: keyOf(inputs), files: fingerprints, value: v8.serialize(value) })
    },
    /**
     * Write what was kept (a cache that cannot be written only makes the next build slower); drop other names.
     * Note: written one after another, synchronously; the build has nothing else to do by then, and each write
     * (open, write, close, rename) through the promise API is four round trips to the thread pool (300 entries
     * of 40 kB: 22 ms synchronously, 37–55 ms through promises).
     */
    async flush(keep: (name: string) => boolean) {
      if (pending.size > 0) {
        try {
          mkdirSync(dir, { recursive: true })
          for (const [name, entry] of pending) writeAtomic(file(name), v8.serialize(entry))
        } catch {
          // A folder that cannot be written: the next build processes the chapters again.
        }
        pending.clear()
      }
      const names = await readdir(dir).catch(() => [] as string[])
      const stale = names.filter((n) => n.endsWith('.v8') && !keep(n.slice(0, -3)))
      await Promise.all(stale.map((n) => rm(path.join(dir, n), { force: true })))
    }
  }
}

export type BuildCache = Awaited<ReturnType<typeof openBuildCache>>

function fingerprintNow(file: string): Fingerprint {
  const info = statSync(file)
  return { path: file, real: realpathSync(file), size: info.size, mtimeMs: info.mtimeMs }
}

function unchanged(files: Fingerprint[]): boolean {
  return files.every((kept) => {
    try {
      return JSON.stringify(fingerprintNow(kept.path)) === JSON.stringify(kept)
    } catch {
      return false
    }
  })
}

/** Write through a temporary name, so a build running beside this one never reads half an entry. */
function writeAtomic(target: string, bytes: Buffer) {
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  writeFileSync(temporary, bytes)
  renameSync(temporary, target)
}
