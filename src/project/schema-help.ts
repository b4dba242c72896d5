// What each key of book.yaml, of a chapter's front matter and of a source means, in a sentence: the descriptions
// an editor shows beside the JSON Schemas' keys (docs/AUTHORING.md says the same at more length, with examples).
import type { BookConfig, ChapterMatter } from './schema.js'

type Help<T> = Record<keyof T, string>

export const bookHelp: Help<BookConfig> = {
  title: "The guide's title: cover, title page, running heads, metadata.",
  subtitle: 'Shown under the title.',
  authors: 'One or more names, as on the cover.',
  publisher: 'Named on the title page and in the imprint.',
  language: 'A BCP 47 language tag, such as en-GB.',
  identifier: "The EPUB's unique id (urn:uuid:…); keep it once published.",
  date: "Publication date, YYYY-MM-DD; every output's timestamp.",
  description: 'One paragraph: EPUB and PDF metadata, the web home page.',
  audience: 'Who the guide is for, in a sentence (the web home page).',
  baseUrl: 'Where the web edition is served; adds a sitemap, canonical and Open Graph addresses.',
  subjects: 'Library subject headings (metadata).',
  keywords: 'Search keywords (metadata).',
  cover: 'A cover picture inside the guide (PNG, JPEG, GIF or SVG); without one a cover is drawn from the title.',
  coverAlt: 'The cover\'s text alternative; by default "Cover: " and the title.',
  medium: 'film, novel, play, poem or text: the wording of banners and handouts ("watch the film", "Before reading").',
  labels: "Any word the generator adds, by its key in the package's templates/labels.json.",
  accessibilitySummary: "A sentence or two for the EPUB's accessibility metadata.",
  rights: 'Printed in the imprint.',
  paper: 'a4 or letter: the PDF and the handouts.',
  justify: 'true: justified, hyphenated text in the PDF.',
  formats: 'Which outputs to build: pdf, epub, handouts, web.',
  editions: 'Which editions to build: student, teacher.',
  outDir: 'The output folder.',
  browser: 'The Chrome or Chromium that prints the PDF (NLMG_BROWSER overrides it).',
  filename: 'Base name of the output files: lower-case words joined by hyphens.',
  citationStyle: 'How citations and the sources chapter are set: mla (the default), apa, chicago, harvard, or the path of a .csl file.'
}

export const chapterHelp: Help<ChapterMatter> = {
  title: "The chapter's title, rendered as its heading.",
  short: 'Running-head text when the title is long (40 characters at most).',
  description: 'One sentence on what the chapter covers.',
  spoilers: 'none (safe before meeting the work), premise (only the set-up) or full (the whole story; a warning opens the chapter).',
  factual: 'true: every paragraph outside questions, activities and teacher notes must cite a source.',
  handout: 'Makes a one- or two-page classroom handout from the chapter.'
}

export const handoutHelp: Record<'when' | 'viewing' | 'keyPoints' | 'keyTerms', string> = {
  when: 'before or after the pupils read, watch or see the work; a handout used before refuses spoilers.',
  viewing: 'The older name of `when`, still read; give one of the two.',
  keyPoints: "One to six short sentences for the handout's summary box.",
  keyTerms: 'Ids of glossary definitions to print on the handout.'
}

/**
 * The CSL variables a guide's sources use most, each with a sentence of help; every other CSL 1.0.2 variable is
 * accepted too (csl.ts), and goes undescribed.
 */
export const sourceHelp: Record<'id' | 'type' | 'title' | 'author' | 'container-title' | 'publisher' | 'issued' | 'URL' | 'accessed' | 'annote' | 'custom', string> = {
  id: 'What :cite[id] names: lower-case letters, digits and hyphens.',
  type: 'The CSL item type: book, motion_picture, article-newspaper, article-magazine, article-journal, webpage, …',
  title: 'Title of the work, article, page or film.',
  author: 'People as family and given names; an organisation as literal.',
  'container-title': 'The newspaper, site, journal or collection that holds it (a source needs this, a publisher or a URL).',
  publisher: 'Who published the book or released the film.',
  issued: 'When it was published, as precise as known: 1818, 2010-09 or 2010-09-22.',
  URL: 'Where to read it.',
  accessed: 'When a web page was read.',
  annote: 'What it supports, or how far to trust it (printed after the entry in the sources chapter).',
  custom: "The guide's own fields: kind (what kind of evidence it is) and credits (a credit line kept as written)."
}
