// One chapter as the boundary for input too deep to handle: the parser's own tree transforms (remark-gfm's),
// structuredClone and the tree utilities recurse once per level and run out of stack on a few thousand nested
// lists or quotations, some of them before any of our guards can look at the tree.
import type { Root as HastRoot } from 'hast'
import type { VFile } from 'vfile'
import type { ChapterProcessor } from './processor.js'
import { isStackOverflow, reportTooDeep } from '../markdown/depth.js'

/** Do `work` for the chapter in `file`; a stack overflow becomes a `too-deep` error on the file and an empty tree. */
export async function atChapterBoundary(file: VFile, work: () => Promise<HastRoot>): Promise<HastRoot> {
  try {
    return await work()
  } catch (error) {
    if (!isStackOverflow(error)) throw error
    reportTooDeep(file)
    return { type: 'root', children: [] }
  }
}

/** Parse and run `file` within the chapter boundary. */
export function runChapter(processor: ChapterProcessor, file: VFile): Promise<HastRoot> {
  return atChapterBoundary(file, async () => (await processor.run(processor.parse(file), file)) as HastRoot)
}
