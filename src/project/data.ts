// What each stage learns about a chapter travels on `file.data`, typed once here; later stages (the book's
// checks, the handouts, the outputs) read this record, never the tree's classes.
import type { ElementContent } from 'hast'
import type { PhrasingContent } from 'mdast'
import type { ChapterMatter } from './schema.js'

/** A place in the source, for messages raised after the tree is gone. */
export interface Place {
  line: number
  column: number
}

/** A section heading, with its globally unique id. */
export interface HeadingInfo {
  depth: number
  text: string
  id: string
}

/** A block the handouts carry: where it stands, whether it gives the story away, and (once hast exists) its content. */
interface BlockRecord {
  /** The block's element id in the chapter's hast. */
  id: string
  place?: Place
  /** Inside a spoiler block, or anywhere in a `spoilers: full` chapter. */
  spoiler: boolean
  /** The block's rendered content (set by to-hast): a question's without its label, an activity's with it. */
  body?: ElementContent[]
}

/** A question or essay prompt. */
export interface QuestionInfo extends BlockRecord {
  number: number
  kind: 'question' | 'essay'
  lines: number
  /** The answer guidance, teacher edition only (set by to-hast). */
  answer?: ElementContent[]
}

/** An activity; `afterQuestion` when it follows the chapter's first question (the handout carries those). */
export interface ActivityInfo extends BlockRecord {
  afterQuestion: boolean
}

/** A glossary definition; `body` holds its first paragraph. */
export interface DefinitionInfo extends BlockRecord {
  term: string
}

/** A reference to an id that must exist somewhere in the book, in the author's own words. */
export interface IdReference {
  id: string
  place?: Place
  kind: 'link' | 'term'
  /** What the author wrote (the link's target or the term), for the message. */
  written?: string
  /** The link's own words, for the message. */
  text?: string
}

/** Word count and reading level of a chapter's prose. */
export interface ChapterStats {
  words: number
  sentences: number
  syllables: number
  /** Flesch-Kincaid grade level. */
  grade: number
}

/** A numbered figure: a Mermaid diagram (drawn by the browser) or a figure drawn from a data file. */
export interface FigureInfo {
  /** The figure's element id, book-wide unique (`fig-timeline`). */
  id: string
  /** Its number, chapter and place in the chapter (`3.1`). */
  number: string
  /** The caption's text, for the list of figures. */
  caption: string
  /** The alternative text (Mermaid's `accDescr`, a data file's `alt`). */
  alt: string
  place?: Place
  /** A Mermaid diagram's source, or the name of the data file drawn (`chapters/figures/<name>.yaml`). */
  mermaid?: string
  data?: string
}

declare module 'vfile' {
  interface DataMap {
    slug: string
    order: number
    matter: ChapterMatter
    /** The title as the author wrote it in Markdown (`matter.title` holds its plain text). */
    titlePhrasing: PhrasingContent[]
    /** Where each front-matter key path stands (`handout.keyTerms.1`). */
    matterPlaces: Record<string, Place>
    headings: HeadingInfo[]
    /** Every id this chapter defines (headings, notes, definitions, bibliography entries). */
    ids: string[]
    /** Where the author wrote each id's element, when the tree knows (for messages about the id). */
    idPlaces: Record<string, Place>
    references: IdReference[]
    /** The sources cited, each once, in order of first citation. */
    citations: string[]
    /** Every citation of a source, in order, with its place. */
    citationUses: Array<{ id: string; place?: Place }>
    definitions: DefinitionInfo[]
    activities: ActivityInfo[]
    questions: QuestionInfo[]
    images: string[]
    figures: FigureInfo[]
    /** The ids this chapter's `:ref`s point to, in order (figures once the book is numbered; a missing one is the link check's). */
    figureRefs: string[]
    stats: ChapterStats
  }
}
