// The bench's own way to get the build's finished print HTML, for timing raw Chromium on exactly what our PDF
// prints: the print context from `guideContext`, as the PDF stage builds it (same hyphenation), with the
// contents' page numbers read from a PDF we built and written into the template's data, where the build
// writes them into the loaded page. Stylesheet, fonts and images are absolute file:// URLs, so the file can
// live anywhere.
import { readFile, writeFile } from 'node:fs/promises'
import { processBook } from '#src/book/book.js'
import { bookFile } from '#src/core/messages.js'
import { loadConfig } from '#src/project/config.js'
import { loadLabels } from '#src/project/labels.js'
import { contentsPages } from '#src/output/pdf/print.js'
import { contentsIds, guideContext, renderPrintHtml } from '#src/render/print-html.js'
import { readChapters } from '#src/project/chapters.js'
import type { Edition } from '#src/project/schema.js'
import { loadSources } from '#src/project/sources.js'
import { createTemplates } from '#src/render/templates.js'
import { formatReferences } from '#src/transform/references.js'

export interface FinishedHtmlOptions {
  root: string
  edition: Edition
  /** A PDF of this book and edition built by us, to take the contents' page numbers from. */
  pdf: string
  /** Where to write the HTML. */
  out: string
  /** Called as each step ends, with its milliseconds (as the build's onStage). */
  lap?: (step: string, ms: number) => void
}

/** Write the print HTML the build's second pass would print. */
export async function writeFinishedHtml(options: FinishedHtmlOptions): Promise<void> {
  let last = performance.now()
  const lap = (step: string) => {
    options.lap?.(step, performance.now() - last)
    last = performance.now()
  }
  const { config } = await loadConfig(options.root)
  if (!config) throw new Error(`${options.root}/book.yaml is not valid`)
  const labels = await loadLabels(config.templateDirs, config)
  const { sources } = await loadSources(config.sourcesDir)
  const files = await readChapters(config.chaptersDir, bookFile(config.chaptersDir))
  lap('read configuration, sources and chapters')
  const chapters = (await processBook(files, { labels, sources, references: formatReferences([...sources.values()], config.csl), root: config.root, chaptersDir: config.chaptersDir }, [options.edition])).get(options.edition) ?? []
  lap('process the chapters, one edition (a build also runs the teacher edition’s transforms, for the checks)')
  const { pages } = await contentsPages(new Uint8Array(await readFile(options.pdf)), contentsIds(chapters))
  lap('read the contents’ page numbers from a PDF we built')
  const context = guideContext({ config, labels, chapters, edition: options.edition })
  for (const chapter of context.chapters) {
    chapter.page = String(pages.get(chapter.slug) ?? '')
    for (const section of chapter.sections) section.page = String(pages.get(section.id) ?? '')
  }
  await writeFile(options.out, await renderPrintHtml(createTemplates(config.templateDirs), context))
  lap('hyphenate and render the print HTML')
}
