// Render the cover partial to the PNG the EPUB uses (book.yaml `cover`), so print and e-book covers match.
// Run after changing the cover's design: `npm run cover`. The PNG is committed, so building an EPUB needs no browser.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { findBrowser, launchBrowser } from './browser.js'
import { loadConfig, packageRoot } from './config.js'
import { fontFaces } from './fonts.js'
import { loadLabels } from './labels.js'
import { createTemplates } from './templates.js'

const root = path.resolve(process.argv[2] ?? '.')
const { config } = await loadConfig(root)
if (!config) throw new Error('book.yaml is invalid: run `nlmg check`')
const labels = await loadLabels(config.templatesDir)
const templates = createTemplates(config.templatesDir)
const cover = await templates.get('partials/cover.hbs')
const faces = fontFaces()
  .map((f) => `@font-face { font-family: "${f.family}"; font-weight: ${f.weight}; font-style: ${f.style}; src: url("${pathToFileURL(f.woff2).href}"); }`)
  .join('\n')
const html = `<!DOCTYPE html><html lang="${config.language}"><head><meta charset="utf-8"><style>${faces}</style>
<link rel="stylesheet" href="${pathToFileURL(path.join(config.stylesDir, 'print.css')).href}">
<style>html { font-size: 21pt; } .cover { height: 2400px; width: 1600px; padding: 220px 160px 180px; } .cover-edition { display: none; }</style></head>
<body>${cover({ book: config, editionLabel: labels.studentEdition })}</body></html>`
const work = await mkdtemp(path.join(os.tmpdir(), 'nlmg-cover-'))
const browser = await launchBrowser(findBrowser(config.browser))
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
