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
}

const partials = ['web-head', 'web-header', 'web-contents', 'web-footer'].map((name) => `web/partials/${name}.hbs`)

/** Build one edition's site; every file's path is relative to the output folder (`student/web/…`). */
export async function buildWeb(input: WebInput): Promise<Output[]> {
  const { config, templates } = input
  // The EPUB's registry of images gives each a stable name; the site copies the same files under `images/`.
  const pack = imagePack(config.root)
  const coverHref = config.coverFile
    ? pack.href(pathToFileURL(config.coverFile).href, true)
    : pack.add('cover.svg', new TextEncoder().encode(await defaultCover(templates, config)), true)
  const { chapters, documents } = webChapters(input.chapters, pack.href)
  const offered = downloads(input.built, { edition: input.edition, filename: config.filename, chapters: input.chapters })
  const site = siteContext({ ...input, chapters, coverHref, downloads: offered.list })
  await templates.registerPartials(partials)
  const render = async (name: string, context: object) => (await templates.get(`web/${name}`))(context)
  const files: SiteFile[] = [
    { path: 'index.html', data: await render('home.hbs', pageContext(site, { title: site.book.fullTitle, description: config.description, path: 'index.html' })) },
    { path: 'search.html', data: await render('search.hbs', pageContext(site, { title: input.labels.search, description: config.description, path: 'search.html' })) },
    { path: '404.html', data: await render('404.hbs', pageContext(site, { title: input.labels.notFound, description: config.description, path: '404.html' })) },
    { path: 'assets/search-index.js', data: searchIndexScript(documents) },
    ...(await siteAssets(config))
  ]
  for (const [index, chapter] of chapters.entries()) files.push({ path: chapter.href, data: await render('chapter.hbs', chapterContext(site, chapters, index)) })
  if (site.baseUrl) files.push({ path: 'sitemap.xml', data: await render('sitemap.xml.hbs', { baseUrl: site.baseUrl, date: config.date, pages: ['', ...chapters.map((c) => c.href)] }) })
  for (const image of pack.images()) files.push({ path: `images/${image.id}.${image.extension}`, data: image.data ?? (await readFile(fileURLToPath(image.url))) })
  return [...files.map((file) => ({ path: `${input.edition}/web/${file.path}`, data: file.data })), ...offered.copies]
}

/** Each chapter's page and its search sections, registering its images. */
function webChapters(chapters: Chapter[], imageHref: (url: string) => string): { chapters: WebChapter[]; documents: SearchDocument[] } {
  const pageOf = pageOfIds(chapters, '.html')
  const documents: SearchDocument[] = []
  const pages = chapters.map(({ file, tree }) => {
    const slug = file.data.slug as string
    const href = `${slug}.html`
    const title = file.data.matter?.title ?? slug
    const page = webTree(tree, { filename: href, pageOf, imageHref })
    documents.push(...searchDocuments(page, { filename: href, title }))
    return {
      slug,
      href,
      title,
      description: file.data.matter?.description ?? '',
      spoilers: file.data.matter?.spoilers === 'full',
      sections: (file.data.headings ?? []).filter((h) => h.depth === 2).map((h) => ({ id: h.id, text: h.text })),
      html: toHtml(page)
    }
  })
  return { chapters: pages, documents }
}
