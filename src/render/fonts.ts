// The guide's own typefaces, shipped from @fontsource packages (OFL): Literata for text, Source Sans 3 for
// headings and labels. One list serves the PDF's @font-face rules and the EPUB's packed fonts.
import { realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { PaperSize } from '../project/schema.js'

const require = createRequire(import.meta.url)

export interface FontFace {
  family: string
  weight: number
  style: 'normal' | 'italic'
  /** Absolute path of the WOFF2 file (print). */
  woff2: string
  /** Absolute path of the WOFF file (EPUB: wider reader support). */
  woff: string
  /** File name inside the EPUB. */
  filename: string
}

const faces: Array<[pkg: string, family: string, weight: number, style: 'normal' | 'italic']> = [
  ['@fontsource/literata', 'Literata', 400, 'normal'],
  ['@fontsource/literata', 'Literata', 400, 'italic'],
  ['@fontsource/literata', 'Literata', 700, 'normal'],
  ['@fontsource/literata', 'Literata', 700, 'italic'],
  ['@fontsource/source-sans-3', 'Source Sans 3', 400, 'normal'],
  ['@fontsource/source-sans-3', 'Source Sans 3', 600, 'normal'],
  ['@fontsource/source-sans-3', 'Source Sans 3', 700, 'normal']
]

/**
 * Each package's folder of font files, resolved once (every resolution searches node_modules and reads
 * package.json) and through its real path: with a linked install (pnpm, or node_modules as a symlink) the files
 * live outside the package's folder, and a printed page may load only from folders it is allowed.
 */
const fileDirs = new Map<string, string>()
const filesOf = (pkg: string) => {
  let dir = fileDirs.get(pkg)
  if (dir === undefined) fileDirs.set(pkg, (dir = realpathSync(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files'))))
  return dir
}

/**
 * The real folders the fonts are loaded from, for the printed page's list of allowed folders: in an installed
 * package they are not inside it (npm puts @fontsource beside the generator, in the installing project's node_modules).
 */
export function fontFolders(): string[] {
  return [...new Set(faces.map(([pkg]) => filesOf(pkg)))]
}

/** Every face the guide uses, resolved to files on disk. */
export function fontFaces(): FontFace[] {
  return faces.map(([pkg, family, weight, style]) => {
    const dir = filesOf(pkg)
    const base = `${pkg.split('/')[1]}-latin-${weight}-${style}`
    return { family, weight, style, woff2: path.join(dir, `${base}.woff2`), woff: path.join(dir, `${base}.woff`), filename: `${base}.woff` }
  })
}

/** A local file as the file URL a printed page loads it by. */
export const fileUrl = (file: string) => pathToFileURL(file).href

/** The faces as the print templates declare them (`@font-face` with a WOFF2 source at `urlFor(file)`). */
export function printFonts(urlFor: (file: string) => string) {
  return fontFaces().map((f) => ({ family: f.family, weight: f.weight, style: f.style, url: urlFor(f.woff2) }))
}

/** CSS `@page size` for a paper size. */
export function cssPageSize(paper: PaperSize): string {
  return paper === 'letter' ? 'letter' : 'A4'
}
