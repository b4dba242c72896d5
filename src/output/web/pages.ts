// What each page template receives. Every value the templates print is plain text (Handlebars escapes it);
// the one exception is a chapter's body, serialised from the pipeline's own hast, which goes in through
// `{{{html}}}`. Each optional field is present (if empty), because templates compile in strict mode.
import type { ResolvedConfig } from '../../project/config.js'
import type { Labels } from '../../project/labels.js'
import type { Edition } from '../../project/schema.js'
import type { Download } from './downloads.js'

/** One chapter as the site lists and shows it. */
export interface WebChapter {
  slug: string
  /** Its page, e.g. `plot.html`. */
  href: string
  title: string
  description: string
  /** It gives the whole story away (its page opens with the spoiler warning). */
  spoilers: boolean
  /** Its `##` sections, for the contents beside the text. */
  sections: Array<{ id: string; text: string }>
  /** Its figures, for the home page's list of figures. */
  figures: Array<{ id: string; number: string; caption: string }>
  /** Its body as HTML, from the chapter's hast. */
  html: string
}

export interface SiteInput {
  config: ResolvedConfig
  labels: Labels
  edition: Edition
  chapters: WebChapter[]
  coverHref: string
  downloads: Download[]
  live?: boolean
}

/** What every page shares: the book, the edition, the contents. */
export function siteContext(input: SiteInput) {
  const { config, labels, edition } = input
  const teacher = edition === 'teacher'
  return {
    book: {
      title: config.title,
      subtitle: config.subtitle ?? '',
      fullTitle: config.subtitle ? `${config.title}: ${config.subtitle}` : config.title,
      description: config.description,
      audience: config.audience ?? '',
      language: config.language,
      authors: config.authors,
      publisher: config.publisher,
      rights: config.rights ?? '',
      coverAlt: config.coverAlt
    },
    labels,
    teacher,
    editionLabel: teacher ? labels.teacherEdition : labels.studentEdition,
    // The teacher's site holds the answers: it names no public address and asks search engines to stay away.
    baseUrl: teacher ? '' : (config.baseUrl ?? ''),
    coverHref: input.coverHref,
    chapters: input.chapters.map(({ html: _html, ...chapter }) => chapter),
    downloads: input.downloads,
    live: input.live === true
  }
}

export type SiteContext = ReturnType<typeof siteContext>

/** A page's own head: its title, description and path (for the canonical address), and where the page sits. */
export interface PageHead {
  title: string
  description: string
  path: string
  /** The pages a reader can reach from the contents, marked where this page is among them. */
  current?: string
}

/** The context of one page: the site's, its head, and the contents with this page marked. */
export function pageContext(site: SiteContext, head: PageHead, extra: object = {}) {
  const chapters = site.chapters.map((chapter) => ({ ...chapter, current: chapter.href === head.current }))
  return { ...site, chapters, chapter: false, page: { ...head, url: site.baseUrl ? `${site.baseUrl}${head.path === 'index.html' ? '' : head.path}` : '' }, ...extra }
}

/** A chapter page's context: its body, its place in the contents, and the chapters before and after it. */
export function chapterContext(site: SiteContext, chapters: WebChapter[], index: number) {
  const chapter = chapters[index] as WebChapter
  const neighbour = (c: WebChapter | undefined) => (c ? { href: c.href, title: c.title } : false)
  return pageContext(
    site,
    { title: chapter.title, description: chapter.description, path: chapter.href, current: chapter.href },
    { chapter: { ...chapter, previous: neighbour(chapters[index - 1]), next: neighbour(chapters[index + 1]) } }
  )
}
