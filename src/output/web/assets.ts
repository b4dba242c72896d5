// The files every page of the site shares, all served from the site's own folder (no CDN, nothing fetched when
// the site is built or read): the stylesheet after an `@font-face` rule for each of the guide's fonts, the fonts
// themselves, the small scripts (contents on a phone, search), MiniSearch's browser build, and the icon.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { locate } from '../../core/paths.js'
import type { ResolvedConfig } from '../../project/config.js'
import { fontFaces } from '../../render/fonts.js'

const require = createRequire(import.meta.url)

/** A file of the site, its path relative to the site's folder. */
export interface SiteFile {
  path: string
  data: Uint8Array | string
}

/** The shared files: `assets/…`; pages link them relatively. */
export async function siteAssets(config: ResolvedConfig): Promise<SiteFile[]> {
  const template = (name: string) => readFile(locate(config.templateDirs, `web/${name}`), 'utf8')
  const files: SiteFile[] = [
    { path: 'assets/site.css', data: await siteCss(config.styleDirs) },
    { path: 'assets/site.js', data: await template('site.js') },
    { path: 'assets/search.js', data: await template('search.js') },
    { path: 'assets/favicon.svg', data: await template('favicon.svg') },
    { path: 'assets/minisearch.js', data: await readFile(miniSearchBrowserBuild()) }
  ]
  for (const face of fontFaces()) files.push({ path: `assets/fonts/${path.basename(face.woff2)}`, data: await readFile(face.woff2) })
  return files
}

/**
 * MiniSearch's UMD build (it sets a global `MiniSearch`), which a page loads with a plain script tag. The
 * package exports no path to it, so it is found beside the CommonJS entry the package does export.
 */
function miniSearchBrowserBuild(): string {
  return path.join(path.dirname(require.resolve('minisearch')), '..', 'umd', 'index.js')
}

/** The site's stylesheet after an `@font-face` rule for each font (WOFF2: every browser that runs the site reads it). */
async function siteCss(styleDirs: string[]): Promise<string> {
  const faces = fontFaces()
    .map((f) => `@font-face { font-family: "${f.family}"; font-weight: ${f.weight}; font-style: ${f.style}; font-display: swap; src: url("fonts/${path.basename(f.woff2)}") format("woff2"); }`)
    .join('\n')
  return `${faces}\n${await readFile(locate(styleDirs, 'web.css'), 'utf8')}`
}
