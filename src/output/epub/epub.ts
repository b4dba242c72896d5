// The EPUB through epub-gen-memory: our own templates (nav with sections and landmarks, NCX, OPF with
// accessibility metadata and the EPUB 3 cover), documents written as XHTML from the chapters' hast, fonts and
// images packed from local files (epub-pack.ts), the same bytes for the same input.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Chapter as EpubChapter, Options as EpubOptions } from 'epub-gen-memory'
import type { Chapter } from '../../book/book.js'
import type { ChapterCache } from '../../book/chapter-cache.js'
import type { ResolvedConfig } from '../../project/config.js'
import { epubTree } from './hast.js'
import { editionIdentifier } from './identifier.js'
import { imagePack } from './images.js'
import { packEpub } from './pack.js'
import { fontFaces } from '../../render/fonts.js'
import type { Labels } from '../../project/labels.js'
import type { Edition } from '../../project/schema.js'
import type { Templates } from '../../render/templates.js'
import { toXhtml } from './xml.js'

export interface EpubInput {
  config: ResolvedConfig
  labels: Labels
  chapters: Chapter[]
  templates: Templates
  /** The edition these chapters were processed for: the teacher edition gets its own identifier and title. */
  edition?: Edition
  /** Seconds since 1970 for every timestamp in the book (SOURCE_DATE_EPOCH); defaults to the book's date. */
  sourceDateEpoch?: number
  /** Chapters' XHTML from earlier builds. */
  cache?: ChapterCache
}

/** Build the EPUB for already-processed chapters. */
export async function buildEpub(input: EpubInput): Promise<Buffer> {
  const { config, labels, templates } = input
  const pack = imagePack(config.root)
  const coverHref = pack.href(pathToFileURL(config.coverFile).href, true)
  const chapters = await epubChapters(input, pack.href)
  const date = timestamp(config.date, input.sourceDateEpoch)
  let order = 0
  const context = {
    book: { ...config, identifier: editionIdentifier(config.identifier, input.edition) },
    edition: input.edition === 'teacher' ? labels.teacherEdition : undefined,
    labels,
    coverHref,
    modified: `${date.toISOString().slice(0, 19)}Z`,
    fonts: fontFaces(),
    images: pack.images(),
    chapters,
    documents: [{ id: 'cover', filename: 'cover.xhtml' }, ...chapters],
    ncx: chapters.map((c) => ({ ...c, order: ++order, sections: c.sections.map((s) => ({ ...s, order: ++order })) }))
  }
  await templates.registerPartials(['partials/epub-cover.hbs', 'partials/epub-chapter.hbs'])
  // Note: epub-gen-memory runs these through EJS; Handlebars escapes `<` in data, so only the templates' own
  // `<%= %>` tags (in chapter.xhtml.hbs) reach it.
  const render = async (name: string) => (await templates.get(name))(context)
  const chapterPartial = await templates.get('partials/epub-chapter.hbs')
  const documents: EpubChapter[] = [
    { title: config.title, filename: 'cover.xhtml', content: await render('partials/epub-cover.hbs'), beforeToc: true, excludeFromToc: true },
    ...chapters.map((c) => ({ title: c.title, filename: c.filename, content: chapterPartial(c) }))
  ]
  const options = await epubOptions(config, labels, render)
  return packEpub({ options, documents, images: context.images, identifier: context.book.identifier, date })
}

/** Each chapter's file name, title, sections (for the nav) and XHTML body. */
async function epubChapters({ chapters, cache, edition = 'student' }: EpubInput, imageHref: (url: string) => string) {
  const fileOf = new Map<string, string>()
  for (const { file } of chapters) for (const id of file.data.ids ?? []) fileOf.set(id, `${file.data.slug}.xhtml`)
  // A chapter's XHTML depends on it and on which file holds each id of the book.
  const book = createHash('sha256').update(JSON.stringify([...fileOf])).digest('hex')
  const result = []
  // One after another: images are registered in the order the chapters use them, cached or not.
  for (const chapter of chapters) {
    // Note: a kept chapter reads its tree only when asked for it, and a kept XHTML does not ask.
    const { file } = chapter
    const slug = file.data.slug as string
    const filename = `${slug}.xhtml`
    const write = () => {
      const images: string[] = []
      const html = toXhtml(epubTree(chapter.tree, { filename, fileOf, imageHref: (url) => (images.push(url), imageHref(url)) }))
      return { html, images }
    }
    const { html, images } = cache ? await cache.derived(file, edition, 'epub', [book], write) : write()
    // A kept XHTML registers the images writing it did.
    for (const url of images) imageHref(url)
    result.push({ id: slug, slug, filename, html, title: file.data.matter?.title ?? slug, sections: (file.data.headings ?? []).filter((h) => h.depth === 2) })
  }
  return result
}

/** epub-gen-memory's options: the book's metadata, our templates, the fonts from their files. */
async function epubOptions(config: ResolvedConfig, labels: Labels, render: (name: string) => Promise<string>): Promise<EpubOptions> {
  return {
    title: config.title,
    author: config.authors,
    publisher: config.publisher,
    description: config.description,
    lang: config.language,
    date: config.date,
    version: 3,
    css: await epubCss(config.stylesDir),
    tocTitle: labels.contents,
    prependChapterTitles: false,
    fonts: fontFaces().map((f) => ({ filename: f.filename, url: pathToFileURL(f.woff).href })),
    contentOPF: await render('epub/content.opf.hbs'),
    tocXHTML: await render('epub/toc.xhtml.hbs'),
    tocNCX: await render('epub/toc.ncx.hbs'),
    chapterXHTML: await render('epub/chapter.xhtml.hbs'),
    ignoreFailedDownloads: false,
    verbose: false
  }
}

async function epubCss(stylesDir: string): Promise<string> {
  const faces = fontFaces()
    .map((f) => `@font-face { font-family: "${f.family}"; font-weight: ${f.weight}; font-style: ${f.style}; src: url("fonts/${f.filename}") format("woff"); }`)
    .join('\n')
  return `${faces}\n${await readFile(path.join(stylesDir, 'epub.css'), 'utf8')}`
}

function timestamp(date: string, epoch?: number): Date {
  return epoch !== undefined ? new Date(epoch * 1000) : new Date(`${date}T00:00:00Z`)
}
