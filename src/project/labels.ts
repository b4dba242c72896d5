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

/** Read the label strings from a templates folder. */
export async function loadLabels(templatesDir: string): Promise<Labels> {
  const file = path.join(templatesDir, 'labels.json')
  return labelsSchema.parse(JSON.parse(await readFile(file, 'utf8')))
}
