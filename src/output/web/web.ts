// The web edition: one edition's guide as a static site in `<edition>/web/`, which any static host serves as it
// is, or a reader opens from disk. A home page (cover, description, downloads, contents), one page per chapter
// made from the chapter's own hast (no second Markdown renderer), a search page with an index built here,
// a 404 page, and (given a base URL, student edition only) a sitemap. Every link is relative.
import { readFile } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { toHtml } from 'hast-util-to-html'
import type { Chapter } from '../../book/book.js'
import type { Output } from '../../core/write.js'
import type { ResolvedConfig } from '../../project/config.js'
import type { Labels } from '../../project/labels.js'
import type { Edition } from '../../project/schema.js'
import type { Templates } from '../../render/templates.js'
import { imagePack } from '../epub/images.js'
import { siteAssets, type SiteFile } from './assets.js'
import { downloads } from './downloads.js'
import { chapterContext, pageContext, siteContext, type WebChapter } from './pages.js'
import { searchDocuments, searchIndexScript, type SearchDocument } from './search.js'
import { webTree } from './tree.js'
import { pageOfIds } from '../../render/pages.js'
import { defaultCover } from '../../render/cover.js'

/** What a site is built from: one edition's processed chapters, and the files already built for it. */
export interface WebInput {
  config: ResolvedConfig
  labels: Labels
  templates: Templates
  edition: Edition
  chapters: Chapter[]
  /** Every output of the build so far (paths relative to the output folder); this edition's become downloads. */
  built: Output[]
  /** Served by `nlmg dev`: every page loads the dev server's reload script. */
  live?: boolean
}

const partials = ['web-head', 'web-header', 'web-contents', 'web-footer'].map((name) => `web/partials/${name}.hbs`)

/** A page of the site (or the search index), rendered when asked for: the live preview renders only what a browser asks for. */
export interface SitePage {
  path: string
  render: () => Promise<string>
}

/** A site as made for one edition: its files and pages (paths inside the site), and the downloads' copies. */
export interface WebSite {
  /** The shared assets and the images, read. */
  files: SiteFile[]
  pages: SitePage[]
  /** The downloads copied into the site (paths relative to the output folder). */
  copies: Output[]
}

/**
 * Each chapter's page as last made, kept by the live preview between rebuilds: a chapter whose processed tree
 * and book-wide ids are unchanged is not copied, relinked and serialised again.
 */
export type WebMemo = WeakMap<Chapter, { key: string; page: WebChapter; documents: SearchDocument[]; images: string[] }>

/** Build one edition's site; every file's path is relative to the output folder (`student/web/…`). */
export async function buildWeb(input: WebInput): Promise<Output[]> {
  const site = await webSite(input)
  const files: SiteFile[] = [...site.files]
  for (const page of site.pages) files.push({ path: page.path, data: await page.render() })
  return [...files.map((file) => ({ path: `${input.edition}/web/${file.path}`, data: file.data })), ...site.copies]
}

/** Make one edition's site. */
export async function webSite(input: WebInput, memo?: WebMemo): Promise<WebSite> {
  const { config, templates } = input
  // The EPUB's registry of images gives each a stable name; the site copies the same files under `images/`.
  const pack = imagePack(config.root)
  const coverHref = config.coverFile
    ? pack.href(pathToFileURL(config.coverFile).href, true)
    : pack.add('cover.svg', new TextEncoder().encode(await defaultCover(templates, config)), true)
  const { chapters, documents } = webChapters(input.chapters, pack.href, memo)
  const offered = downloads(input.built, { edition: input.edition, filename: config.filename, chapters: input.chapters })
  const site = { ...siteContext({ ...input, chapters, coverHref, downloads: offered.list }), hasFigures: chapters.some((c) => c.figures.length > 0) }
  await templates.registerPartials(partials)
  const page = (path: string, name: string, context: () => object): SitePage => ({ path, render: async () => (await templates.get(`web/${name}`))(context()) })
  const pages: SitePage[] = [
    page('index.html', 'home.hbs', () => pageContext(site, { title: site.book.fullTitle, description: config.description, path: 'index.html' })),
    page('search.html', 'search.hbs', () => pageContext(site, { title: input.labels.search, description: config.description, path: 'search.html' })),
    page('404.html', '404.hbs', () => pageContext(site, { title: input.labels.notFound, description: config.description, path: '404.html' })),
    ...chapters.map((chapter, index) => page(chapter.href, 'chapter.hbs', () => chapterContext(site, chapters, index))),
    ...(site.baseUrl ? [page('sitemap.xml', 'sitemap.xml.hbs', () => ({ baseUrl: site.baseUrl, date: config.date, pages: ['', ...chapters.map((c) => c.href)] }))] : []),
    { path: 'assets/search-index.js', render: async () => searchIndexScript(documents) }
  ]
  const files = await siteAssets(config)
  for (const image of pack.images()) files.push({ path: `images/${image.id}.${image.extension}`, data: image.data ?? (await readFile(fileURLToPath(image.url))) })
  return { files, pages, copies: offered.copies }
}

/** Each chapter's page and its search sections, registering its images. */
function webChapters(chapters: Chapter[], imageHref: (url: string) => string, memo?: WebMemo): { chapters: WebChapter[]; documents: SearchDocument[] } {
  const pageOf = pageOfIds(chapters, '.html')
  const ids = memo ? [...pageOf].join('\n') : ''
  const documents: SearchDocument[] = []
  const pages = chapters.map((chapter) => {
    const { file, tree } = chapter
    const slug = file.data.slug as string
    const href = `${slug}.html`
    const kept = memo?.get(chapter)
    if (kept?.key === ids) {
      for (const url of kept.images) imageHref(url)
      documents.push(...kept.documents)
      return kept.page
    }
    const title = file.data.matter?.title ?? slug
    const images: string[] = []
    const page = webTree(tree, { filename: href, pageOf, imageHref: (url) => (images.push(url), imageHref(url)) })
    const own = searchDocuments(page, { filename: href, title })
    documents.push(...own)
    const made: WebChapter = {
      slug,
      href,
      title,
      description: file.data.matter?.description ?? '',
      spoilers: file.data.matter?.spoilers === 'full',
      sections: (file.data.headings ?? []).filter((h) => h.depth === 2).map((h) => ({ id: h.id, text: h.text })),
      figures: (file.data.figures ?? []).map((f) => ({ id: f.id, number: f.number, caption: f.caption })),
      html: toHtml(page)
    }
    memo?.set(chapter, { key: ids, page: made, documents: own, images })
    return made
  })
  return { chapters: pages, documents }
}
