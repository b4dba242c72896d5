// Where our PDF's time goes: each step of the build's PDF path timed on its own, through the library's own
// functions and Puppeteer calls with the options src/pdf.ts uses, plus what starting Node and loading the CLI
// cost before any work begins.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { findBrowser, launchBrowser } from '#src/browser/browser.js'
import { packageRoot } from '#src/core/paths.js'
import { readPdf } from '#src/output/pdf/read.js'
import { setPdfMetadata } from '#src/output/pdf/metadata.js'
import { draftMode } from '#src/output/pdf/print.js'
import { writeFinishedHtml } from './finished-html.js'
import { measure } from './measure.js'

export interface ProfileOptions {
  cli: string
  root: string
  /** Our student PDF of this book, for the contents' page numbers. */
  pdf: string
  /** Where to write the finished print HTML (kept for the raw-Chromium runs). */
  html: string
}

/** Steps and their milliseconds, in the build's order. */
export async function profilePdf(options: ProfileOptions): Promise<Array<[string, number]>> {
  const steps: Array<[string, number]> = []
  const lap = (step: string, ms: number) => steps.push([step, ms])
  const node = (await measure(process.execPath, ['-e', '0'])).ms
  lap('start Node (`node -e 0`)', node)
  lap('load the CLI’s modules (`cli.js --help`, less Node’s start)', (await measure(process.execPath, [options.cli, '--help'])).ms - node)
  await writeFinishedHtml({ root: options.root, edition: 'student', pdf: options.pdf, out: options.html, lap })
  let last = performance.now()
  const clock = (step: string) => {
    lap(step, performance.now() - last)
    last = performance.now()
  }
  const browser = await launchBrowser(findBrowser())
  clock('launch Chromium (Puppeteer)')
  try {
    const { page } = await browser.newPage([path.dirname(options.html), options.root, packageRoot])
    await page.goto(pathToFileURL(options.html).href, { waitUntil: 'load', timeout: 120_000 })
    await page.evaluate('document.fonts.ready')
    clock('load the print HTML, its styles and fonts')
    const print = { preferCSSPageSize: true, printBackground: true, timeout: 300_000 }
    // The finished HTML has its page numbers already; the draft is printed as the build prints it all the same.
    await draftMode(page, true)
    const draft = await page.pdf({ ...print, tagged: false, outline: false })
    clock('print pass 1: untagged draft (contents only painted and linked)')
    await readPdf(draft)
    await draftMode(page, false)
    clock('read the contents’ page numbers from the draft')
    const pdf = await page.pdf({ ...print, tagged: true, outline: true })
    clock('print pass 2: tagged, with bookmarks')
    await setPdfMetadata(pdf, { title: 'Benchmark', authors: ['Benchmark'], subject: 'Benchmark', keywords: [], creator: 'Benchmark', date: new Date(0) })
    clock('set the document information (an incremental update)')
  } finally {
    await browser.close()
    clock('close Chromium')
  }
  return steps
}
