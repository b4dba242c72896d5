// The words the pipeline itself adds to the guide (block labels, banners) live in templates/labels.json.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'

export const labelsSchema = z.object({
  spoiler: z.string(),
  spoilerChapter: z.string(),
  /** The notice at the top of a chapter of spoiler level `premise`, and of level `none`. */
  spoilerPremise: z.string(),
  spoilerNone: z.string(),
  question: z.string(),
  essay: z.string(),
  answer: z.string(),
  teacher: z.string(),
  activity: z.string(),
  minutes: z.string(),
  notes: z.string(),
  backToText: z.string(),
  fullEntry: z.string(),
  contents: z.string(),
  /** “Figure” before a figure's number; the heading of the list of figures; the link to a figure's data. */
  figure: z.string(),
  listOfFigures: z.string(),
  figureData: z.string(),
  /** A handout's line for a figure it has no room to draw: `{{figure}}`, `{{caption}}`, `{{page}}`. */
  figureInGuide: z.string(),
  teacherEdition: z.string(),
  studentEdition: z.string(),
  beforeViewing: z.string(),
  afterViewing: z.string(),
  name: z.string(),
  class: z.string(),
  date: z.string(),
  keyPoints: z.string(),
  keyTerms: z.string(),
  questions: z.string(),
  answerGuidanceIncluded: z.string(),
  /** A Handlebars template with `edition`, `chapter`, `from`, `to` and `single` (one page). */
  guideReference: z.string(),
  handouts: z.string(),
  /** The permission printed at the end of every handout. */
  photocopying: z.string(),
  /** Under an essay prompt on a student handout: the lines are for a plan; the essay goes on paper. */
  essayOnPaper: z.string(),
  /** The cover page's name (its landmark and its label for assistive technology). */
  cover: z.string(),
  /** The name of the EPUB's list of landmarks. */
  landmarks: z.string(),
  /** The print edition's title page and imprint page (their names for assistive technology). */
  titlePage: z.string(),
  imprint: z.string(),
  /** A Handlebars template with `edition`, `date` (written out in the book's language) and `publisher`. */
  imprintPublished: z.string(),
  /** The permission printed in the guide's imprint (the handouts carry `photocopying`). */
  photocopyingGuide: z.string(),
  howToCite: z.string(),
  /** A Handlebars template with `authors`, `title`, `edition` (lower case), `publisher` and `year`. */
  /** The web edition's search page (its title and heading). */
  search: z.string(),
  /** The web edition's 404 page (its title and heading). */
  notFound: z.string()
})

export type Labels = z.infer<typeof labelsSchema>

/** What a guide is about: the words its labels use for the work and for meeting it (watch a film, read a novel). */
export const medium = z.enum(['film', 'novel', 'play', 'poem', 'text'])
export type Medium = z.infer<typeof medium>

/** The words of one medium, put into labels where they say `{{work}}`, `{{verb}}`, `{{done}}`, `{{before}}`, `{{after}}`. */
export const mediumWords = z.object({ work: z.string(), verb: z.string(), done: z.string(), before: z.string(), after: z.string() }).strict()

const labelsFile = labelsSchema.partial().extend({ media: z.record(z.string(), mediumWords.partial()).optional() }).strict()

/** What a guide's book.yaml may say about its labels. */
export interface LabelOptions {
  medium?: Medium
  labels?: Partial<Labels>
}

/**
 * The label strings: the package's `labels.json` (the last of `dirs`), any keys a guide's own `templates/labels.json`
 * changes, the words of the book's `medium`, then any label book.yaml sets under `labels:`.
 */
export async function loadLabels(dirs: string | readonly string[], options: LabelOptions = {}): Promise<Labels> {
  const folders = typeof dirs === 'string' ? [dirs] : [...dirs]
  const layers = []
  for (const folder of folders.reverse()) {
    const file = path.join(folder, 'labels.json')
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch {
      continue // A guide's templates folder need not hold labels.
    }
    layers.push(labelsFile.parse(JSON.parse(text)))
  }
  const merged = Object.assign({}, ...layers) as z.infer<typeof labelsFile>
  const media = Object.assign({}, ...layers.map((l) => l.media ?? {})) as Record<string, Partial<z.infer<typeof mediumWords>>>
  const words = { ...media.text, ...media[options.medium ?? 'text'] }
  const filled = Object.fromEntries(
    Object.entries({ ...merged, ...options.labels })
      .filter(([key]) => key !== 'media')
      .map(([key, value]) => [key, typeof value === 'string' ? value.replace(/\{\{(work|verb|done|before|after)\}\}/g, (all, name: keyof typeof words) => words[name] ?? all) : value])
  )
  return labelsSchema.parse(filled)
}
