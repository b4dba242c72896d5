// The EPUB through epub-gen-memory: our own templates (nav with sections and landmarks, NCX, OPF with
// accessibility metadata and the EPUB 3 cover), fonts and images packed from local files, and a build that
// gives the same bytes for the same input.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { EPub, type Chapter as EpubChapter, type Options as EpubOptions } from 'epub-gen-memory'
import type { Element, Root as HastRoot } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { visit } from 'unist-util-visit'
import type { Chapter } from './book.js'
import type { ResolvedConfig } from './config.js'
import { fontFaces } from './fonts.js'
import type { Labels } from './labels.js'
import type { Templates } from './templates.js'

export interface EpubInput {
  config: ResolvedConfig
  labels: Labels
  chapters: Chapter[]
  templates: Templates
  /** Seconds since 1970 for every timestamp in the book (SOURCE_DATE_EPOCH); defaults to the book's date. */
  sourceDateEpoch?: number
}

/** epub-gen-memory with stable image names and identifier; everything else is the library's own. */
class ReproducibleEPub extends EPub {
  constructor(options: EpubOptions, content: EpubChapter[], identifier: string) {
    super(options, content)
    this.uuid = identifier
    for (const image of this.images) {
      const stable = `img-${createHash('sha256').update(image.url).digest('hex').slice(0, 16)}`
      for (const chapter of this.content) chapter.content = chapter.content.split(`images/${image.id}.`).join(`images/${stable}.`)
      image.id = stable
    }
  }

  /** Render, pin every zip entry's timestamp, and pack. */
  async pack(date: Date): Promise<Buffer> {
    await this.render()
    for (const entry of Object.values(this.zip.files)) entry.date = date
    return this.generateAsync({ type: 'nodebuffer', mimeType: 'application/epub+zip', compression: 'DEFLATE', compressionOptions: { level: 9 } })
  }
}

/** Build the EPUB for already-processed chapters. */
export async function buildEpub(input: EpubInput): Promise<Buffer> {
  const { config, labels, templates } = input
  const fileOf = new Map<string, string>()
  for (const { file } of input.chapters) for (const id of file.data.ids ?? []) fileOf.set(id, `${file.data.slug}.xhtml`)
  await templates.registerPartials(['partials/epub-cover.hbs', 'partials/epub-chapter.hbs'])
  const coverUrl = pathToFileURL(config.coverFile).href
  const chapterPartial = await templates.get('partials/epub-chapter.hbs')
  const chapters = input.chapters.map(({ file, tree }, index) => {
    const slug = file.data.slug as string
    const filename = `${slug}.xhtml`
    return {
      id: slug,
      slug,
      index,
      filename,
      title: file.data.matter?.title ?? slug,
      sections: (file.data.headings ?? []).filter((h) => h.depth === 2),
      html: toHtml(relink(structuredClone(tree), filename, fileOf), { closeSelfClosing: true, closeEmptyElements: true })
    }
  })
  let order = 0
  const context = {
    book: config,
    labels,
    coverUrl,
    modified: isoSeconds(timestamp(config.date, input.sourceDateEpoch)),
    fonts: fontFaces(),
    chapters,
    documents: [{ id: 'cover', filename: 'cover.xhtml' }, ...chapters],
    ncx: chapters.map((c) => ({ ...c, order: ++order, sections: c.sections.map((s) => ({ ...s, order: ++order })) }))
  }
  const render = async (name: string) => (await templates.get(name))(context).replace(/<%(?![=\-\s])/g, '<%%')
  const css = await epubCss(config.stylesDir)
  const options: EpubOptions = {
    title: config.title,
    author: config.authors,
    publisher: config.publisher,
    description: config.description,
    lang: config.language,
    date: config.date,
    version: 3,
    css,
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
  const content: EpubChapter[] = [
    { title: 'Cover', filename: 'cover.xhtml', content: (await templates.get('partials/epub-cover.hbs'))(context), beforeToc: true, excludeFromToc: true },
    ...chapters.map((c) => ({ title: c.title, filename: c.filename, content: chapterPartial(c) }))
  ]
  return new ReproducibleEPub(options, content, config.identifier).pack(timestamp(config.date, input.sourceDateEpoch))
}

/** Point links at ids in other chapters to that chapter's file. */
function relink(tree: HastRoot, own: string, fileOf: ReadonlyMap<string, string>): HastRoot {
  visit(tree, 'element', (node: Element) => {
    const href = node.properties.href
    if (typeof href !== 'string' || !href.startsWith('#')) return
    const target = fileOf.get(href.slice(1))
    if (target && target !== own) node.properties.href = `${target}${href}`
  })
  return tree
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

function isoSeconds(date: Date) {
  return `${date.toISOString().slice(0, 19)}Z`
}
