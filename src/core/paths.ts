// One answer to "is this file inside that folder?", for every place that confines what may be read or served.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The package's own folder (two levels above this module, in src/ or lib/): default templates and styles live here. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Whether `file` lies strictly below `folder` (both absolute; `..` and other roots are outside). */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file)
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
}
