// A bibliography entry is a CSL item (CSL-JSON 1.0.2, as Zotero, pandoc and Quarto write it), checked against the
// variables CSL defines, so a misspelt key is reported where it stands instead of silently dropped by citeproc.
import { z } from 'zod'

const standard = [
  'abstract', 'annote', 'archive', 'archive_collection', 'archive_location', 'archive-place', 'authority',
  'call-number', 'chapter-number', 'citation-key', 'citation-label', 'collection-number', 'collection-title',
  'container-title', 'container-title-short', 'dimensions', 'division', 'DOI', 'edition', 'event', 'event-title',
  'event-place', 'genre', 'ISBN', 'ISSN', 'issue', 'jurisdiction', 'keyword', 'language', 'license', 'medium',
  'note', 'number', 'number-of-pages', 'number-of-volumes', 'original-publisher', 'original-publisher-place',
  'original-title', 'page', 'page-first', 'part', 'part-title', 'PMCID', 'PMID', 'printing', 'publisher',
  'publisher-place', 'references', 'reviewed-genre', 'reviewed-title', 'scale', 'section', 'source', 'status',
  'supplement', 'title-short', 'version', 'volume', 'volume-title', 'volume-title-short', 'year-suffix'
] as const

const dates = ['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted'] as const

const names = [
  'author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator',
  'director', 'editor', 'editorial-director', 'editor-translator', 'executive-producer', 'guest', 'host',
  'illustrator', 'interviewer', 'narrator', 'organizer', 'original-author', 'performer', 'producer', 'recipient',
  'reviewed-author', 'script-writer', 'series-creator', 'translator'
] as const

/** The item types of CSL 1.0.2. */
export const cslTypes = [
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter',
  'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event',
  'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture',
  'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication',
  'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard',
  'thesis', 'treaty', 'webpage'
] as const

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** A person (`family`, `given`) or a body written as one (`literal`). */
const name = z
  .object({
    family: z.string().min(1).optional(),
    given: z.string().min(1).optional(),
    literal: z.string().min(1).optional(),
    'dropping-particle': z.string().optional(),
    'non-dropping-particle': z.string().optional(),
    suffix: z.string().optional()
  })
  .strict()
  .refine((n) => n.family !== undefined || n.literal !== undefined, 'a name needs `family` (a person) or `literal` (an organisation)')

const datePart = z.array(z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)])).min(1).max(3)

/** A date as CSL-JSON writes it, or as CSL-YAML (pandoc) does: `2010-09-24`, `2010-09` or `2010`. */
const date = z.union([
  z.number().int().transform((year) => ({ 'date-parts': [[year]] })),
  z
    .string()
    .regex(/^-?\d{1,4}(?:-\d{2}(?:-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD')
    .transform((text) => {
      const [year, ...rest] = text.startsWith('-') ? [`-${text.slice(1).split('-')[0]}`, ...text.slice(1).split('-').slice(1)] : text.split('-')
      return { 'date-parts': [[Number(year), ...rest.map(Number)]] }
    }),
  z
    .object({
      'date-parts': z.array(datePart).min(1).max(2).optional(),
      season: z.union([z.number().int().min(1).max(4), z.string()]).optional(),
      circa: z.union([z.boolean(), z.string(), z.number()]).optional(),
      literal: z.string().optional(),
      raw: z.string().optional()
    })
    .strict()
])

const text = z.union([z.string().min(1), z.number().transform(String)])

/** Our own fields, kept where CSL keeps what is not its own: `custom`. */
const custom = z
  .object({
    /** What kind of evidence the source is (the sources chapter explains how far each can be trusted). */
    kind: z.enum(['film', 'novel', 'book', 'play', 'poem', 'article', 'website', 'audio', 'reference', 'review', 'interview', 'news', 'data', 'fan', 'other']).optional(),
    /** A credit line kept as written (the production companies of a film, say). */
    credits: z.string().min(1).optional()
  })
  .loose()

/** One CSL item: `id`, `type`, `title` and a `URL` or a `container-title` (or a publisher) so a reader can find it. */
export const cslItem = z
  .object({
    id: z.string().regex(slug, 'lower-case letters, digits and hyphens'),
    type: z.enum(cslTypes),
    title: text,
    URL: z.url().optional(),
    custom: custom.optional(),
    ...Object.fromEntries(standard.map((key) => [key, text.optional()])),
    ...Object.fromEntries(dates.map((key) => [key, date.optional()])),
    ...Object.fromEntries(names.map((key) => [key, z.array(name).min(1).optional()]))
  })
  .strict()
  .refine((item: Record<string, unknown>) => item.URL !== undefined || item['container-title'] !== undefined || item.publisher !== undefined, {
    message: 'a source needs a `URL`, a `container-title` (the publication that holds it) or a `publisher`, so a reader can check it',
    path: ['title']
  })

/** A checked CSL item. The variables citeproc reads are typed loosely: only `id`, `title`, `URL` and the containers are read here. */
export type CslItem = { id: string; type: (typeof cslTypes)[number]; title: string; URL?: string; custom?: z.infer<typeof custom> } & Record<string, unknown> & {
  'container-title'?: string
  publisher?: string
}
