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
export interface ResolvedConfig extends Omit<BookConfig, 'coverAlt'> {
  root: string
  configFile: string
  chaptersDir: string
  sourcesDir: string
  /** Where templates and styles are looked up, file by file: the guide's own folder first, then the package's. */
  templateDirs: string[]
  styleDirs: string[]
  outDir: string
  /** The cover picture, if the guide has one (else a cover is drawn from the title). */
  coverFile?: string
  coverAlt: string
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
  const cover = checked.data.cover === undefined ? undefined : await checkImage(checked.data.cover, { chaptersDir: path.resolve(root), root: path.resolve(root) })
  if (cover && 'ruleId' in cover) {
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
      templateDirs: overlay(local('templates'), path.join(packageRoot, 'templates')),
      styleDirs: overlay(local('styles'), path.join(packageRoot, 'styles')),
      outDir: abs(checked.data.outDir),
      coverFile: checked.data.cover === undefined ? undefined : abs(checked.data.cover),
      coverAlt: checked.data.coverAlt ?? `Cover: ${checked.data.subtitle ? `${checked.data.title}, ${checked.data.subtitle}` : checked.data.title}`,
      csl
    }
  }
}

/** The guide's folder before the package's; only the package's when they are the same folder. */
function overlay(own: string, packaged: string): string[] {
  return own === packaged ? [packaged] : [own, packaged]
}
