// Render the cover partial to the PNG the EPUB uses (book.yaml `cover`), so print and e-book covers match.
// Run after changing the cover's design: `npm run cover -- --force` (it refuses to replace the file without it). The PNG is committed, so building an EPUB needs no browser.
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { launchBrowser, resolveBrowser } from '#src/browser/browser.js'
import { loadConfig } from '#src/project/config.js'
import { locate, packageRoot } from '#src/core/paths.js'
import { fileUrl, printFonts } from '#src/render/fonts.js'
import { loadLabels } from '#src/project/labels.js'
import { createTemplates } from '#src/render/templates.js'

const args = process.argv.slice(2)
const force = args.includes('--force')
const root = path.resolve(args.find((a) => !a.startsWith('--')) ?? '.')
const { config } = await loadConfig(root)
if (!config) throw new Error('book.yaml is invalid: run `nlmg check`')
if (!config.coverFile) throw new Error('book.yaml names no `cover`: the build draws one from the title, so there is nothing to redraw')
if (existsSync(config.coverFile) && !force) {
  process.stderr.write(`${path.relative(process.cwd(), config.coverFile)} exists: run again with --force to replace it\n`)
  process.exit(1)
}
const labels = await loadLabels(config.templateDirs, config)
const templates = createTemplates(config.templateDirs)
await templates.registerPartials(['partials/cover.hbs'])
const html = (await templates.get('cover-image.hbs'))({
  book: config,
  labels,
  editionLabel: labels.studentEdition,
  fonts: printFonts(fileUrl),
  stylesheet: fileUrl(locate(config.styleDirs, 'print.css'))
})
const work = await mkdtemp(path.join(os.tmpdir(), 'nlmg-cover-'))
const browser = await launchBrowser((await resolveBrowser(config.browser))?.path)
try {
  const { page } = await browser.newPage([work, root, packageRoot])
  await writeFile(path.join(work, 'cover.html'), html)
  await page.setViewport({ width: 1600, height: 2400 })
  await page.goto(pathToFileURL(path.join(work, 'cover.html')).href, { waitUntil: 'load' })
  await page.screenshot({ path: config.coverFile as `${string}.png`, type: 'png' })
  process.stdout.write(`wrote ${path.relative(process.cwd(), config.coverFile)}\n`)
} finally {
  await browser.close()
  await rm(work, { recursive: true, force: true })
}
