// `nlmg dev` as an author uses it: the web edition served live, opened in the system Chromium; saving a chapter
// reloads the open page by itself, which then shows the new text, with no console error and no failed request.
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'puppeteer'
import { copyToTemp, root, startDev } from './helpers.js'
import { launchSiteBrowser, watchedPage } from './web-site.js'

let project: string
let browser: Browser

beforeAll(async () => {
  project = await copyToTemp(path.join(root, 'test/fixtures/book-basic'), 'nlmg-dev-e2e-')
  browser = await launchSiteBrowser()
})
afterAll(async () => {
  await browser?.close()
  await rm(project, { recursive: true, force: true })
})

describe('the live preview in a browser', () => {
  it('should serve the site and reload an open chapter page when its chapter is saved', async () => {
    const { child, url } = await startDev(project)
    try {
      const { page, problems } = await watchedPage(browser, new URL(url).origin)
      await page.goto(`${url}closing.html`, { waitUntil: 'load' })
      expect(await page.$eval('main', (main) => main.textContent)).toContain('A short line.')
      // The page's link to the home page and the contents work as on the published site.
      expect(await page.$$eval('a[href="index.html"]', (links) => links.length)).toBeGreaterThan(0)
      // The page's event stream (reload.js's top-level `events`) must be open before the save it is to hear of.
      await page.waitForFunction('typeof events !== "undefined" && events.readyState === EventSource.OPEN')
      const chapter = path.join(project, 'chapters/02-closing.md')
      await writeFile(chapter, (await readFile(chapter, 'utf8')).replace('A short line.', 'A line saved while the page was open.'))
      await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('A line saved while the page was open.'), { timeout: 15_000 })
      expect(problems).toEqual([])
    } finally {
      child.kill('SIGTERM')
    }
  })
})
