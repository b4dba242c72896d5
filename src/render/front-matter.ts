// The words of the print edition's title page and imprint: every phrase is a label (templates/labels.json),
// every fact comes from book.yaml; this module only fills the labels' fields. "How to cite this guide" is the
// guide itself as a reference, formatted by citeproc in the book's citation style.
import type { Element } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { toHast } from 'mdast-util-to-hast'
import type { ResolvedConfig } from '../project/config.js'
import type { CslItem } from '../project/csl.js'
import type { Labels } from '../project/labels.js'
import { formatEntry } from '../transform/references.js'
import type { Templates } from './templates.js'

/** The imprint's filled-in lines: the edition and its date, and how to cite the guide (HTML made from a tree). */
export interface Imprint {
  published: string
  citation: string
}

/** Fill the imprint's label templates for one edition (`editionLabel`, e.g. "Student edition"). */
export function imprintTexts(templates: Templates, config: ResolvedConfig, labels: Labels, editionLabel: string): Imprint {
  // The date at noon UTC, so that no time zone moves it to the day before.
  const date = new Intl.DateTimeFormat(config.language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${config.date}T12:00:00Z`))
  const citation = formatEntry(guideItem(config, editionLabel), config.csl)
  return {
    published: templates.text(labels.imprintPublished, { publisher: config.publisher, date, edition: editionLabel }),
    citation: toHtml((toHast({ type: 'paragraph', children: citation }) as Element).children)
  }
}

/** The guide as a CSL item: its authors as written (a team or a person), its edition, its publisher and date. */
export function guideItem(config: ResolvedConfig, editionLabel: string): CslItem {
  const [year, month, day] = config.date.split('-').map(Number)
  return {
    id: 'this-guide',
    type: 'book',
    title: config.subtitle ? `${config.title}: ${config.subtitle}` : config.title,
    author: config.authors.map((literal) => ({ literal })),
    edition: editionLabel,
    publisher: config.publisher,
    issued: { 'date-parts': [[year, month, day]] },
    ...(config.baseUrl ? { URL: config.baseUrl } : {})
  }
}
