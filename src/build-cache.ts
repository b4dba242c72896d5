// What a build keeps for the next one, as Astro's content layer keeps its data store: an entry per name (a
// chapter and edition, the bibliography), valid while its key (the inputs it came from, plus our toolchain)
// and the files it looked at are unchanged. Overwritten in place, so the cache never outgrows the book.
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import v8 from 'node:v8'
import { packageRoot } from './config.js'
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
  const writes: Array<Promise<void>> = []
  const file = (name: string) => path.join(dir, `${name}.v8`)
  const keyOf = (inputs: unknown[]) => {
    const hash = createHash('sha256').update(String(format)).update(toolchain)
    for (const input of inputs) hash.update(typeof input === 'string' ? input : JSON.stringify(input)).update('\0')
    return hash.digest('hex')
  }

  return {
    /** The value kept under `name` from `inputs`, if neither they nor the files it looked at have changed. */
    async get(name: string, inputs: unknown[]): Promise<unknown> {
      const bytes = await readFile(file(name)).catch(() => undefined)
      if (!bytes) return undefined
      let entry: Entry
      try {
        entry = v8.deserialize(bytes) as Entry
      } catch {
        return undefined
      }
      if (entry.key !== keyOf(inputs) || !(await unchanged(entry.files))) return undefined
      return v8.deserialize(entry.value)
    },
    /** Keep `value` (anything `v8.serialize` takes) under `name`; it is serialised now, written in the background. */
    set(name: string, inputs: unknown[], value: unknown, files: string[] = []) {
      const key = keyOf(inputs)
      const bytes = v8.serialize(value)
      writes.push(
        (async () => {
          const entry: Entry = { key, files: await Promise.all(files.map(fingerprint)), value: bytes }
          await writeAtomic(file(name), v8.serialize(entry))
        })().catch(() => {})
      )
    },
    /** Wait for the writes (a cache that cannot be written only makes the next build slower); drop other names. */
    async flush(keep: (name: string) => boolean) {
      await Promise.all(writes)
      const names = await readdir(dir).catch(() => [] as string[])
      const stale = names.filter((n) => n.endsWith('.v8') && !keep(n.slice(0, -3)))
      await Promise.all(stale.map((n) => rm(path.join(dir, n), { force: true })))
    }
  }
}

export type BuildCache = Awaited<ReturnType<typeof openBuildCache>>

async function fingerprint(file: string): Promise<Fingerprint> {
  const [info, real] = await Promise.all([stat(file), realpath(file)])
  return { path: file, real, size: info.size, mtimeMs: info.mtimeMs }
}

async function unchanged(files: Fingerprint[]): Promise<boolean> {
  const now = await Promise.all(files.map((f) => fingerprint(f.path).catch(() => undefined)))
  return now.every((f, i) => f !== undefined && JSON.stringify(f) === JSON.stringify(files[i]))
}

/** Write through a temporary name, so a build running beside this one never reads half an entry. */
async function writeAtomic(target: string, bytes: Buffer) {
  await mkdir(path.dirname(target), { recursive: true })
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  await writeFile(temporary, bytes)
  await rename(temporary, target)
}
