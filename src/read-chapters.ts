// Find and read the chapter files: chapters/NN-slug.md, in order.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'

const chapterName = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/

/** Data every chapter file carries from the moment it is read. */
export interface ChapterFileData {
  slug: string
  order: number
}

/** Read every chapter in `dir`; names that do not fit `NN-slug.md` are reported on `problems`. */
export async function readChapters(dir: string, problems: VFile): Promise<VFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort()
  const files: VFile[] = []
  for (const name of names) {
    const match = chapterName.exec(name)
    if (!match) {
      const message = problems.message(
        `Chapter file \`${name}\` must be named \`NN-slug.md\` (digits, a hyphen, lower-case words joined by hyphens)`,
        { ruleId: 'chapter-name', source: 'nlmg' }
      )
      message.fatal = true
      continue
    }
    const filePath = path.join(dir, name)
    const file = new VFile({ path: filePath, value: await readFile(filePath) })
    file.data.slug = match[2] as string
    file.data.order = Number(match[1])
    files.push(file)
  }
  return files
}
