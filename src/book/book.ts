// A book's chapters processed for its editions, through the one chapter pipeline: each chapter read once.
import type { VFile } from 'vfile'
import { createChapterProcessor, processChapter, type Chapter, type ChapterSettings } from '../chapter/chapter.js'
import type { Edition } from '../project/schema.js'
import { numberFigureRefs } from './figure-refs.js'

export type { Chapter }

/** Everything processing needs but the edition. */
export type BookSettings = ChapterSettings

/** Process every chapter file for each of `editions`; messages land on each edition's own file of the chapter. */
export async function processBook(files: VFile[], settings: BookSettings, editions: readonly Edition[]): Promise<Map<Edition, Chapter[]>> {
  const processor = createChapterProcessor(settings, editions)
  const book = new Map<Edition, Chapter[]>(editions.map((edition) => [edition, []]))
  for (const file of files) {
    for (const [edition, chapter] of await processChapter(processor, file)) book.get(edition)?.push(chapter)
    // Let the event loop run between chapters: a browser starting beside the build is not held up.
    await new Promise((resolve) => setImmediate(resolve))
  }
  for (const chapters of book.values()) numberFigureRefs(chapters, settings.labels.figure)
  return book
}
