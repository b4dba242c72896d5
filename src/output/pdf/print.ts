// Print the book to PDF in two passes over one loaded page: the first (`layOutBook`) with placeholder page
// numbers in the contents (fixed width, so nothing reflows), whose contents' link targets are read back to give
// each entry's page; the second (`printFinal`) prints the real numbers. Bookmarks come from the headings; the
// final PDF is tagged. Between the two, others may use the layout (the handouts cite the guide's pages).
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

/** Where a printed book's pages fall: the page of each contents entry, and how many pages it has. */
export interface BookLayout {
  /** Page number of each contents entry (chapter slug or section id). */
  pages: Map<string, number>
  pageCount: number
}

/**
 * Load `html` from a file (so local fonts and images load) and print an untagged draft whose contents links
 * tell each entry's page (its other internal links left out: they cost time, not layout). The page stays loaded
 * for `printFinal`.
 */
export async function layOutBook(guarded: GuardedPage, job: PrintJob, html: string, contentsIds: string[]): Promise<BookLayout> {
  const file = path.join(job.workDir, `${job.name}.html`)
  await writeFile(file, html)
  const { page } = guarded
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 60_000 })
  await page.evaluate('document.fonts.ready')
  await draftMode(page, true)
  const draft = await page.pdf({ ...printOptions, tagged: false, outline: false })
  await draftMode(page, false)
  return contentsPages(draft, contentsIds)
}

/**
 * The final, tagged PDF with bookmarks, of a book `layOutBook` has laid out: its page numbers written into the
 * contents in place (the placeholders are as wide as any number, so nothing reflows).
 */
export async function printFinal(guarded: GuardedPage, layout: BookLayout, contentsIds: string[]): Promise<Uint8Array> {
  const numbers = contentsIds.map((id) => String(layout.pages.get(id)))
  const filled = await guarded.page.evaluate((values: string[]) => {
    const slots = document.querySelectorAll('.toc .toc-page')
    slots.forEach((slot, i) => {
      slot.textContent = values[i] ?? ''
    })
    return slots.length
  }, numbers)
  if (filled !== numbers.length) throw new Error(`Contents has ${filled} page slots for ${numbers.length} entries`)
  return guarded.page.pdf({ ...printOptions, tagged: true, outline: true })
}

const printOptions = { preferCSSPageSize: true, printBackground: true, timeout: 120_000 }

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
export async function contentsPages(pdf: Uint8Array, ids: string[]): Promise<BookLayout> {
  const { destinations, pageCount } = await readPdf(pdf)
  const missing = ids.filter((id) => !destinations.has(id))
  if (missing.length > 0) throw new Error(`The printed draft has no destination for the contents entries ${missing.join(', ')}`)
  return { pages: new Map(ids.map((id) => [id, (destinations.get(id) as number) + 1])), pageCount }
}
