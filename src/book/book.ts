// A book's chapters processed for each of its editions, through the one chapter pipeline.
import type { VFile } from 'vfile'
import { createChapterProcessor, processChapter, type Chapter, type ChapterSettings } from '../chapter/chapter.js'
import type { Edition } from '../project/schema.js'

export type { Chapter }

/** Everything processing needs but the edition. */
export type BookSettings = Omit<ChapterSettings, 'edition'>

/** Process every chapter file for `edition`; messages land on each chapter's own file. */
export async function processBook(files: VFile[], settings: BookSettings, edition: Edition): Promise<Chapter[]> {
  const processor = createChapterProcessor({ ...settings, edition })
  const chapters: Chapter[] = []
  for (const file of files) {
    chapters.push(await processChapter(processor, file))
    // Let the event loop run between chapters: a browser starting beside the build is not held up.
    await new Promise((resolve) => setImmediate(resolve))
  }
  return chapters
}
