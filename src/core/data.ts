// What each stage learns about a chapter travels on `file.data`, typed once here.
import type { ChapterMatter } from '../project/schema.js'

/** A section heading, with its globally unique id. */
export interface HeadingInfo {
  depth: number
  text: string
  id: string
}

/** A question or essay prompt, kept for handouts. */
export interface QuestionInfo {
  number: number
  kind: 'question' | 'essay'
  lines: number
  /** Whether the question sits inside a spoiler block. */
  spoiler: boolean
}

/** A place in the source, for messages raised after the tree is gone. */
export interface Place {
  line: number
  column: number
}

/** A reference to an id that must exist somewhere in the book. */
export interface IdReference {
  id: string
  place?: Place
  kind: 'link' | 'term'
}

/** Word count and reading level of a chapter's prose. */
export interface ChapterStats {
  words: number
  sentences: number
  syllables: number
  /** Flesch-Kincaid grade level. */
  grade: number
}

declare module 'vfile' {
  interface DataMap {
    slug: string
    order: number
    matter: ChapterMatter
    headings: HeadingInfo[]
    /** Every id this chapter defines (headings, notes, definitions, bibliography entries). */
    ids: string[]
    /** Where the author wrote each id's element, when the tree knows (for messages about the id). */
    idPlaces: Record<string, { line: number; column: number }>
    references: IdReference[]
    citations: string[]
    /** Glossary definitions; `spoiler` unless marked `spoilers="none"` in a chapter that is otherwise safe. */
    definitions: Array<{ id: string; term: string; spoiler: boolean }>
    /** Activities, in order; `spoiler` when inside a spoiler block or a `spoilers: full` chapter. */
    activities: Array<{ spoiler: boolean }>
    questions: QuestionInfo[]
    images: string[]
    stats: ChapterStats
  }
}
