// Resolve the book's configuration once: book.yaml, then overrides, through one schema; absolute paths out.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { packageRoot } from '../core/paths.js'
import { VFile } from 'vfile'
import { checkImage } from './images.js'
import { loadCitationStyle, type CitationStyle } from './csl-style.js'
import { bookConfig, type BookConfig } from './schema.js'
import { fail } from '../core/messages.js'
import { parseYaml } from './yaml.js'


/** Everything later stages need, resolved: no relative paths, no defaults left to apply. */
export interface ResolvedConfig extends BookConfig {
  root: string
  configFile: string
  chaptersDir: string
  sourcesDir: string
  templatesDir: string
  stylesDir: string
  outDir: string
  coverFile: string
  /** The citation style, read (`citationStyle` names it). */
  csl: CitationStyle
}

/** Options a caller (CLI or test) may override; validated by the same schema as book.yaml. */
export type ConfigOverrides = Partial<Pick<BookConfig, 'paper' | 'formats' | 'editions' | 'outDir' | 'browser' | 'justify'>>

/** Load `book.yaml` from `root`; problems are messages on the returned file. */
export async function loadConfig(
  root: string,
  overrides: ConfigOverrides = {}
): Promise<{ config?: ResolvedConfig; file: VFile }> {
  const configFile = path.resolve(root, 'book.yaml')
  const file = new VFile({ path: configFile })
  let text: string
  try {
    text = await readFile(configFile, 'utf8')
  } catch {
    fail(file, 'Missing book configuration `book.yaml` in the project folder', 'missing-config')
    return { file }
  }
  file.value = text
  const keys: Array<keyof ConfigOverrides> = ['paper', 'formats', 'editions', 'outDir', 'browser', 'justify']
  const defined = Object.fromEntries(keys.filter((k) => overrides[k] !== undefined).map((k) => [k, overrides[k]]))
  const schema = bookConfig.transform((data) => ({ ...data, ...defined }))
  const read = parseYaml(file, text, schema)
  if (!read) return { file }
  const checked = bookConfig.safeParse(read.data)
  if (!checked.success) {
    // Only an override from the command line can fail here (book.yaml itself passed): it has no line.
    for (const issue of checked.error.issues) fail(file, `option \`${issue.path.join('.')}\`: ${issue.message}`, 'schema')
    return { file }
  }
  // The cover is packed into the EPUB and shown in the PDF: a picture inside the project, like a chapter's.
  const cover = await checkImage(checked.data.cover, { chaptersDir: path.resolve(root), root: path.resolve(root) })
  if ('ruleId' in cover) {
    // An error, but the rest is still checked, so the author sees every problem at once.
    fail(file, `\`cover\`: ${cover.reason}`, cover.ruleId, read.places.cover)
  }
  const csl = await loadCitationStyle(checked.data.citationStyle, path.resolve(root))
  if ('reason' in csl) {
    fail(file, `\`citationStyle\`: ${csl.reason}`, 'citation-style', read.places.citationStyle)
    return { file }
  }
  const abs = (p: string) => path.resolve(root, p)
  const local = (dir: string) => abs(dir)
  return {
    file,
    config: {
      ...checked.data,
      root: path.resolve(root),
      configFile,
      chaptersDir: local('chapters'),
      sourcesDir: path.join(local('chapters'), 'sources'),
      templatesDir: await firstExisting([local('templates'), path.join(packageRoot, 'templates')]),
      stylesDir: await firstExisting([local('styles'), path.join(packageRoot, 'styles')]),
      outDir: abs(checked.data.outDir),
      coverFile: abs(checked.data.cover),
      csl
    }
  }
}

async function firstExisting(dirs: string[]): Promise<string> {
  const { stat } = await import('node:fs/promises')
  for (const dir of dirs) {
    try {
      if ((await stat(dir)).isDirectory()) return dir
    } catch {
      // Try the next candidate.
    }
  }
  return dirs[dirs.length - 1] as string
}
