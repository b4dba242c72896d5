// Print the book to PDF in two passes: the first with placeholder page numbers in the contents (fixed width,
// so nothing reflows), then the contents' link targets are read back from that PDF and the second pass prints
// the real numbers. Bookmarks come from the headings; the PDF is tagged.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'puppeteer-core'
import type { GuardedPage } from '../../browser/browser.js'
import { readPdf } from './read.js'

export interface PrintJob {
  /** Folder to write the page's HTML into (must be an allowed root of the page). */
  workDir: string
  /** Name of the HTML file, unique per job. */
  name: string
}

/**
 * Load `html` from a file (so local fonts and images load) and print it twice: an untagged draft whose
 * contents links tell each entry's page (its other internal links left out: they cost time, not layout),
 * then, with those numbers written into the contents in place (the placeholders are as wide as any number,
 * so nothing reflows), the final tagged PDF with bookmarks.
 */
/** A printed book and where its contents entries landed. */
export interface PrintedBook {
  pdf: Uint8Array
  /** Page number of each contents entry (chapter slug or section id). */
  pages: Map<string, number>
  pageCount: number
}

export async function printBook(guarded: GuardedPage, job: PrintJob, html: string, contentsIds: string[]): Promise<PrintedBook> {
  const file = path.join(job.workDir, `${job.name}.html`)
  await writeFile(file, html)
  const { page } = guarded
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 60_000 })
  await page.evaluate('document.fonts.ready')
  const options = { preferCSSPageSize: true, printBackground: true, timeout: 120_000 }
  await draftMode(page, true)
  const draft = await page.pdf({ ...options, tagged: false, outline: false })
  const { pages, pageCount } = await contentsPages(draft, contentsIds)
  const numbers = contentsIds.map((id) => String(pages.get(id)))
  await draftMode(page, false)
  const filled = await page.evaluate((values: string[]) => {
    const slots = document.querySelectorAll('.toc .toc-page')
    slots.forEach((slot, i) => {
      slot.textContent = values[i] ?? ''
    })
    return slots.length
  }, numbers)
  if (filled !== numbers.length) throw new Error(`Contents has ${filled} page slots for ${numbers.length} entries`)
  return { pdf: await page.pdf({ ...options, tagged: true, outline: true }), pages, pageCount }
}

/**
 * Put the loaded book into draft mode, or back. The draft only has to tell where each contents entry's target
 * lands, so it paints as little as the layout allows: Chromium's print time grows with pages × link targets
 * (each page looks up every target), so it keeps only the contents' own links, and everything but the
 * contents is hidden (not painted, still laid out). Neither an internal link's href nor `visibility` changes
 * the layout.
 */
export async function draftMode(page: Page, on: boolean): Promise<void> {
  await page.evaluate((draft: boolean) => {
    if (draft) {
      for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
        if (a.closest('.toc')) continue
        a.dataset.draftHref = a.getAttribute('href') ?? ''
        a.removeAttribute('href')
      }
      const style = document.createElement('style')
      style.id = 'nlmg-draft'
      style.textContent = 'body { visibility: hidden !important } .toc { visibility: visible !important }'
      document.head.append(style)
      return
    }
    document.getElementById('nlmg-draft')?.remove()
    for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-draft-href]')) {
      a.setAttribute('href', a.dataset.draftHref ?? '')
      delete a.dataset.draftHref
    }
  }, on)
}

/** The page (1-based) each contents entry points to: Chromium names a link target's destination after its id. */
export async function contentsPages(pdf: Uint8Array, ids: string[]): Promise<{ pages: Map<string, number>; pageCount: number }> {
  const { destinations, pageCount } = await readPdf(pdf)
  const missing = ids.filter((id) => !destinations.has(id))
  if (missing.length > 0) throw new Error(`The printed draft has no destination for the contents entries ${missing.join(', ')}`)
  return { pages: new Map(ids.map((id) => [id, (destinations.get(id) as number) + 1])), pageCount }
}
