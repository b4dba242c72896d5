// The EPUB, written file by file: every document rendered from our Handlebars templates (templates/epub/: the
// OCF container, the OPF with accessibility metadata and the EPUB 3 cover, the nav with sections and landmarks,
// the NCX, the pages), each chapter's body serialised from its hast as XHTML (xml.ts), fonts and images read from
// local files, and all of it packed with fixed dates (pack.ts): the same input gives the same bytes.
// docs/EPUB.md says why this is not left to epub-gen-memory.
import { readFile } from 'node:fs/promises'
import { locate } from '../../core/paths.js'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Chapter } from '../../book/book.js'
import { reproducibleDate } from '../../core/date.js'
import type { ResolvedConfig } from '../../project/config.js'
import type { Labels } from '../../project/labels.js'
import type { Edition } from '../../project/schema.js'
import { fontFaces } from '../../render/fonts.js'
import type { Templates } from '../../render/templates.js'
import { epubTree } from './hast.js'
import { editionIdentifier } from './identifier.js'
import { imagePack } from './images.js'
import { packEpub, type EpubEntry } from './pack.js'
import { toXhtml } from './xml.js'
import { pageOfIds } from '../../render/pages.js'
import { defaultCover } from '../../render/cover.js'

/** What an EPUB is built from: the book, its processed chapters and the templates to render them with. */
export interface EpubInput {
  config: ResolvedConfig
  labels: Labels
  chapters: Chapter[]
  templates: Templates
  /** The edition these chapters were processed for: the teacher edition gets its own identifier and title. */
  edition?: Edition
  /** Seconds since 1970 for every timestamp in the book (SOURCE_DATE_EPOCH); defaults to the book's date. */
  sourceDateEpoch?: number
}

/** The documents' folder inside the zip; container.xml.hbs names the package document in it. */
const oebps = 'OEBPS'

/** Build the EPUB for already-processed chapters. */
export async function buildEpub(input: EpubInput): Promise<Buffer> {
  const { config, labels, templates } = input
  const pack = imagePack(config.root)
  const coverHref = config.coverFile
    ? pack.href(pathToFileURL(config.coverFile).href, true)
    : pack.add('cover.svg', new TextEncoder().encode(await defaultCover(templates, config)), true)
  const chapters = epubChapters(input.chapters, pack.href)
  const date = reproducibleDate(config.date, input.sourceDateEpoch)
  const fonts = fontFaces()
  let order = 0
  const context = {
    book: { ...config, identifier: editionIdentifier(config.identifier, input.edition) },
    edition: input.edition === 'teacher' ? labels.teacherEdition : undefined,
    labels,
    coverHref,
    modified: `${date.toISOString().slice(0, 19)}Z`,
    fonts,
    images: pack.images(),
    chapters,
    figures: chapters.flatMap((c) => c.figures),
    documents: [{ id: 'cover', filename: 'cover.xhtml' }, ...chapters],
    ncx: chapters.map((c) => ({ ...c, order: ++order, sections: c.sections.map((s) => ({ ...s, order: ++order })) }))
  }
  const render = async (name: string, data: object = context) => (await templates.get(name))(data)
  const page = async (title: string, partial: string, data: object) => render('epub/chapter.xhtml.hbs', { ...context, title, body: await render(partial, data) })
  const text = (name: string, data: string): EpubEntry => ({ name: `${oebps}/${name}`, data })
  const entries: EpubEntry[] = [
    { name: 'META-INF/container.xml', data: await render('epub/container.xml.hbs') },
    text('content.opf', await render('epub/content.opf.hbs')),
    text('toc.xhtml', await render('epub/toc.xhtml.hbs')),
    text('toc.ncx', await render('epub/toc.ncx.hbs')),
    text('style.css', await epubCss(config.styleDirs)),
    text('cover.xhtml', await page(config.title, 'partials/epub-cover.hbs', context))
  ]
  for (const chapter of chapters) entries.push(text(chapter.filename, await page(chapter.title, 'partials/epub-chapter.hbs', chapter)))
  for (const font of fonts) entries.push({ name: `${oebps}/fonts/${font.filename}`, data: await readFile(font.woff) })
  for (const image of context.images) entries.push({ name: `${oebps}/images/${image.id}.${image.extension}`, data: image.data ?? (await readFile(fileURLToPath(image.url))) })
  return packEpub(entries, date)
}

/** Each chapter's file name, title, sections (for the nav) and XHTML body, registering its images in order. */
function epubChapters(chapters: Chapter[], imageHref: (url: string) => string) {
  const pageOf = pageOfIds(chapters, '.xhtml')
  return chapters.map(({ file, tree }) => {
    const slug = file.data.slug as string
    const filename = `${slug}.xhtml`
    const html = toXhtml(epubTree(tree, { filename, pageOf, imageHref }))
    const figures = (file.data.figures ?? []).map((f) => ({ ...f, filename }))
    // Note: a document with inline SVG must say so in the manifest (`properties="svg"`).
    return { id: slug, slug, filename, html, svg: html.includes('<svg'), figures, title: file.data.matter?.title ?? slug, sections: (file.data.headings ?? []).filter((h) => h.depth === 2) }
  })
}

/** The book's EPUB stylesheet after an `@font-face` rule for each packed font. */
async function epubCss(styleDirs: string[]): Promise<string> {
  const faces = fontFaces()
    .map((f) => `@font-face { font-family: "${f.family}"; font-weight: ${f.weight}; font-style: ${f.style}; src: url("fonts/${f.filename}") format("woff"); }`)
    .join('\n')
  return `${faces}\n${await readFile(locate(styleDirs, 'epub.css'), 'utf8')}`
}
