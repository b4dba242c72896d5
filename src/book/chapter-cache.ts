// Processed chapters kept between builds (build-cache.ts): a chapter whose text, settings, images and
// toolchain are all unchanged is read back instead of parsed and transformed again, messages included.
import { createHash } from 'node:crypto'
import v8 from 'node:v8'
import type { Root as HastRoot } from 'hast'
import { VFile } from 'vfile'
import type { Chapter } from './book.js'
import type { BuildCache } from './build-cache.js'
import type { Edition } from '../project/schema.js'
import '../core/data.js'

type SavedMessage = Pick<VFile['messages'][number], 'reason' | 'place' | 'ruleId' | 'source' | 'fatal' | 'url' | 'note'>

interface Saved {
  data: VFile['data']
  messages: SavedMessage[]
  /** The hast, serialised apart: read only when an output needs it (checking needs the data alone). */
  tree: Uint8Array
}

/** Chapters in `cache`, processed with `settings` (everything processing reads besides the chapter and its images). */
export function chapterCache(cache: BuildCache, settings: unknown) {
  // Digested once: the settings hold the whole bibliography, and every lookup and entry is keyed by them.
  const common = createHash('sha256').update(JSON.stringify(settings)).digest('hex')
  const name = (file: VFile, edition: Edition) => `${file.stem}.${edition}`
  const inputs = (file: VFile, edition: Edition) => [common, edition, file.path, file.data.slug, file.data.order, String(file.value)]

  return {
    /** The chapter as an earlier build processed it, if nothing it depends on has changed since. */
    async get(file: VFile, edition: Edition): Promise<Chapter | undefined> {
      const saved = (await cache.get(name(file, edition), inputs(file, edition))) as Saved | undefined
      return saved && restore(file, saved)
    },
    /** Keep a processed chapter as each of `editions`; one with errors is not kept, so its checks run again next time. */
    set({ file, tree }: Chapter, ...editions: Edition[]) {
      if (file.messages.some((m) => m.fatal)) return
      const messages = file.messages.map(({ reason, place, ruleId, source, fatal, url, note }) => ({ reason, place, ruleId, source, fatal, url, note }))
      // Serialised once, however many editions share the chapter.
      const saved: Saved = { data: file.data, messages, tree: v8.serialize(tree) }
      for (const edition of editions) cache.set(name(file, edition), inputs(file, edition), saved, file.data.images ?? [])
    },
    /** What `derive` makes of a chapter for one output (which depends on `extra` besides), kept beside the chapter. */
    async derived<T>(file: VFile, edition: Edition, output: string, extra: unknown[], derive: () => T): Promise<T> {
      const entry = `${name(file, edition)}.${output}`
      const key = [...inputs(file, edition), output, ...extra]
      const kept = (await cache.get(entry, key)) as T | undefined
      if (kept !== undefined) return kept
      const made = derive()
      cache.set(entry, key, made, file.data.images ?? [])
      return made
    }
  }
}

export type ChapterCache = ReturnType<typeof chapterCache>

/** A fresh file with the saved data and messages; its tree is deserialised when first asked for. */
function restore(read: VFile, saved: Saved): Chapter {
  const file = new VFile({ path: read.path, value: read.value, data: saved.data })
  for (const { reason, place, ruleId, source, ...rest } of saved.messages) Object.assign(file.message(reason, { place, ruleId, source }), rest)
  let tree: HastRoot | undefined
  return {
    file,
    get tree() {
      tree ??= v8.deserialize(saved.tree) as HastRoot
      return tree
    }
  }
}
