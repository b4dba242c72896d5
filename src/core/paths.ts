// One answer to "is this file inside that folder?", for every place that confines what may be read or served; the
// package's folder, and the project's folder of caches kept between builds.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The package's own folder (two levels above this module, in src/ or lib/): default templates and styles live here. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The project's folder for one kind of work kept between builds (`diagrams`, `references`), where build tools keep theirs. */
export function cacheFolder(root: string, kind: string): string {
  return path.join(root, 'node_modules', '.cache', 'nlmg', kind)
}

/**
 * The file `name` from the first of `folders` that holds it (a guide's own folder before the package's), so a
 * guide overrides any single template or style and the rest come from the package; the last folder's path if none does.
 */
export function locate(folders: readonly string[], name: string): string {
  const found = folders.find((folder) => existsSync(path.join(folder, name)))
  return path.join(found ?? (folders[folders.length - 1] as string), name)
}

/** Whether `file` lies strictly below `folder` (both absolute; `..` and other roots are outside). */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file)
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
}
