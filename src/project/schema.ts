// One schema per input: the book configuration, a chapter's front matter (a bibliography entry's is in csl.ts).
// Types are inferred from these; nothing downstream re-validates raw input.
import { z } from 'zod'
import { labelsSchema, medium } from './labels.js'
import type { CslItem } from './csl.js'

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** How much of the story a chapter gives away. */
export const spoilerLevel = z.enum(['none', 'premise', 'full'])

/** Paper sizes the PDF and handouts can be set on. */
export const paperSize = z.enum(['a4', 'letter'])

/** Editions built from the same Markdown. */
export const edition = z.enum(['student', 'teacher'])

/** Output formats. */
export const format = z.enum(['pdf', 'epub', 'handouts', 'web'])

/** When a handout is used: before or after pupils read, watch or see the work. */
const handoutWhen = z.enum(['before', 'after'])
type HandoutWhen = z.infer<typeof handoutWhen>

/** A chapter's YAML front matter. */
export const chapterMatter = z
  .object({
    /** The chapter's title, rendered as its `h1`. */
    title: z.string().min(1),
    /** Running-head text when the title is long. */
    short: z.string().min(1).max(40).optional(),
    /** One sentence on what the chapter covers. */
    description: z.string().min(1),
    /** How much of the story the chapter gives away. */
    spoilers: spoilerLevel,
    /** When true, every paragraph outside questions and teacher notes must cite a source. */
    factual: z.boolean().default(false),
    /** Makes a classroom handout from the chapter's questions and activity. */
    handout: z
      .object({
        /** Whether pupils use the handout before or after they read, watch or see the work. */
        when: handoutWhen.optional(),
        /** The older name of `when`, still read: a guide to a film wrote `viewing: before`. */
        viewing: handoutWhen.optional(),
        keyPoints: z.array(z.string().min(1)).min(1).max(6),
        keyTerms: z.array(z.string().regex(slugPattern, 'a glossary id: lower-case words joined by hyphens')).default([])
      })
      .strict()
      .check((ctx) => {
        const { when, viewing } = ctx.value
        if (when === undefined && viewing === undefined) ctx.issues.push({ code: 'custom', input: ctx.value, path: ['when'], message: 'a handout needs `when: before` or `when: after` (before or after pupils meet the work)' })
        if (when !== undefined && viewing !== undefined) ctx.issues.push({ code: 'custom', input: ctx.value, path: ['viewing'], message: '`viewing` is the older name of `when`: give only one of them' })
      })
      .transform(({ when, viewing, ...rest }) => ({ ...rest, when: (when ?? viewing) as HandoutWhen }))
      .optional()
  })
  .strict()

/** Whether a source is Wikipedia itself (a student should be sent to what Wikipedia cites). */
export function isWikipedia(entry: Source): boolean {
  return /(^|\.)wikipedia\.org$/i.test(entry.URL ? new URL(entry.URL).hostname : '') || /^wikipedia$/i.test(entry['container-title'] ?? '')
}

/** The book's configuration (`book.yaml`); command-line options override it through the same schema. */
export const bookConfig = z
  .object({
    title: z.string().min(1),
    subtitle: z.string().min(1).optional(),
    authors: z.array(z.string().min(1)).min(1),
    publisher: z.string().min(1),
    language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as en-GB'),
    identifier: z.string().min(1),
    /** Publication date (YYYY-MM-DD); also the fixed timestamp of reproducible outputs. */
    date: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'), z.date()]).transform((d) =>
      typeof d === 'string' ? d : d.toISOString().slice(0, 10)
    ),
    description: z.string().min(1),
    /** Who the guide is for, in a sentence (the web edition's home page says it). */
    audience: z.string().min(1).optional(),
    /** Where the web edition will be served (absolute, ending in `/`): enables its sitemap, canonical links and Open Graph URLs. */
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .transform((url) => (url.endsWith('/') ? url : `${url}/`))
      .optional(),
    subjects: z.array(z.string().min(1)).default([]),
    keywords: z.array(z.string().min(1)).default([]),
    /** Cover image (PNG, JPEG, GIF or SVG), relative to the project root; without one, a cover is drawn from the title. */
    cover: z.string().min(1).optional(),
    /** The cover's text alternative; without one, "Cover: " and the title. */
    coverAlt: z.string().min(1).optional(),
    /** What the guide is about: its labels say "watch the film", "read the novel", "Before viewing", "Before reading". */
    medium: medium.default('text'),
    /** Any of the words the generator adds (block labels, banners, handout headings), by key, as in templates/labels.json. */
    labels: labelsSchema.partial().strict().optional(),
    /** A one-paragraph accessibility summary for the EPUB. */
    accessibilitySummary: z.string().min(1),
    rights: z.string().min(1).optional(),
    paper: paperSize.default('a4'),
    /** Justified, soft-hyphenated text in the PDF; off by default (ragged right, no soft hyphen in the text layer). */
    justify: z.boolean().default(false),
    formats: z.array(format).min(1).default(['pdf', 'epub', 'handouts', 'web']),
    editions: z.array(edition).min(1).default(['student', 'teacher']),
    outDir: z.string().min(1).default('dist'),
    browser: z.string().min(1).optional(),
    /** Base name of the output files, e.g. never-let-me-go-study-guide. */
    filename: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens').default('study-guide'),
    /** The citation style of notes and the bibliography: mla (MLA 9, the default), apa (APA 7), chicago (Chicago 18, notes and bibliography), harvard (Cite Them Right), or the path of a .csl file. */
    citationStyle: z.union([z.enum(['mla', 'apa', 'chicago', 'harvard']), z.string().regex(/\.csl$/, 'mla, apa, chicago, harvard or the path of a .csl file')]).default('mla')
  })
  .strict()

export type ChapterMatter = z.infer<typeof chapterMatter>
/** A bibliography entry: a CSL item. */
export type Source = CslItem
export type BookConfig = z.infer<typeof bookConfig>
export type Edition = z.infer<typeof edition>
export type Format = z.infer<typeof format>
export type PaperSize = z.infer<typeof paperSize>
export type SpoilerLevel = z.infer<typeof spoilerLevel>
