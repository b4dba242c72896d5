// Find and read the chapter files: chapters/NN-slug.md, in order. A file that cannot be a chapter (binary, not
// UTF-8, too large, not a plain file, a link out of the project) is reported and left out, never parsed.
import { readFileSync, realpathSync, statSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { decodeChapter } from './chapter-text.js'

const chapterName = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/

/** Larger than any chapter (about 170,000 words); parsing more would take the machine minutes per edition. */
export const maxChapterBytes = 1024 * 1024

/** Data every chapter file carries from the moment it is read. */
export interface ChapterFileData {
  slug: string
  order: number
}

/** Read every chapter in `dir`; names that do not fit `NN-slug.md` and unreadable files are reported on `problems`. */
export async function readChapters(dir: string, problems: VFile): Promise<VFile[]> {
  const entries = await readdir(dir).catch(() => undefined)
  if (!entries) return problem(problems, 'No `chapters/` folder in the project: put the chapters in `chapters/NN-slug.md`', 'missing-chapters'), []
  const names = entries.filter((name) => name.endsWith('.md')).sort()
  if (names.length === 0) problem(problems, 'No chapters found: add `chapters/01-slug.md`', 'missing-chapters')
  const files: VFile[] = []
  for (const name of names) {
    const match = chapterName.exec(name)
    if (!match) {
      const reason = `Chapter file \`${name}\` must be named \`NN-slug.md\` (digits, a hyphen, lower-case words joined by hyphens)`
      problem(problems, reason, 'chapter-name', path.join(dir, name))
      continue
    }
    const filePath = path.join(dir, name)
    const value = await readChapter(dir, filePath, problems)
    if (value === undefined) continue
    const file = new VFile({ path: filePath, value })
    file.data.slug = match[2] as string
    file.data.order = Number(match[1])
    files.push(file)
  }
  return files
}

/**
 * The chapter's text, or `undefined` (reported) when the file is not a readable Markdown file in the project.
 * Note: read synchronously. Through the promise API each of a chapter's four calls waits a round trip to the
 * thread pool, one after another: the guide's fourteen chapters idled 10 ms.
 */
async function readChapter(dir: string, filePath: string, problems: VFile): Promise<string | undefined> {
  const name = path.basename(filePath)
  const info = statOrNothing(filePath)
  if (!info?.isFile()) return problem(problems, `Chapter \`${name}\` is not a file`, 'chapter-unreadable', filePath)
  const real = path.relative(realpathSync(dir), realpathSync(filePath))
  if (real === '..' || real.startsWith(`..${path.sep}`) || path.isAbsolute(real)) {
    return problem(problems, `Chapter \`${name}\` is a link to a file outside the chapters folder`, 'chapter-outside', filePath)
  }
  if (info.size > maxChapterBytes) {
    const size = (info.size / 1024 / 1024).toFixed(1)
    return problem(problems, `Chapter \`${name}\` is ${size} MB; a chapter may hold at most 1 MB: split it into several chapters`, 'chapter-size', filePath)
  }
  const decoded = decodeChapter(readFileSync(filePath))
  if ('text' in decoded) return decoded.text
  return problem(problems, `Chapter \`${name}\` ${decoded.reason}`, decoded.ruleId, filePath, decoded.place)
}

/**
 * Report on `problems` (the chapters folder: the file itself is never processed, so its own messages would be
 * lost); the message still names the chapter's path as its file, with the place inside it.
 */
function problem(problems: VFile, reason: string, ruleId: string, file?: string, place?: { line: number; column: number }): undefined {
  const message = problems.message(reason, { place, ruleId, source: 'nlmg' })
  message.fatal = true
  if (file) message.file = file
  return undefined
}

function statOrNothing(file: string) {
  try {
    return statSync(file)
  } catch {
    return undefined
  }
}
