// The words of the print edition's title page and imprint: every phrase is a label (templates/labels.json),
// every fact comes from book.yaml; this module only fills the labels' fields.
import type { ResolvedConfig } from '../project/config.js'
import type { Labels } from '../project/labels.js'
import type { Templates } from './templates.js'

/** The imprint's filled-in lines: the edition and its date, and how to cite the guide. */
export interface Imprint {
  published: string
  citation: string
}

/** Fill the imprint's label templates for one edition (`editionLabel`, e.g. "Student edition"). */
export function imprintTexts(templates: Templates, config: ResolvedConfig, labels: Labels, editionLabel: string): Imprint {
  // The date at noon UTC, so that no time zone moves it to the day before.
  const date = new Intl.DateTimeFormat(config.language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${config.date}T12:00:00Z`))
  const fields = {
    authors: config.authors.join(', '),
    title: config.subtitle ? `${config.title}: ${config.subtitle}` : config.title,
    publisher: config.publisher,
    year: config.date.slice(0, 4),
    date
  }
  return {
    published: templates.text(labels.imprintPublished, { ...fields, edition: editionLabel }),
    citation: templates.text(labels.citation, { ...fields, edition: editionLabel.toLowerCase() })
  }
}
