// `nlmg init [folder]`: a new guide that builds at once, copied from the package's starter/ (a short sample guide
// to Mary Shelley's Frankenstein that shows every feature), with the JSON Schemas that its YAML files name for
// editors, a fresh identifier and today's date. A folder that holds anything is left alone unless forced.
import { randomUUID } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { packageRoot } from '../core/paths.js'
import { commitOutputs, type Output, type Written } from '../core/write.js'
import { jsonSchemas, schemaFiles } from '../project/json-schema.js'

export interface InitOptions {
  /** Write even into a folder that holds files (the starter's files replace any of the same name). */
  force?: boolean
  /** The date book.yaml is given (YYYY-MM-DD); today's by default. */
  date?: string
}

export type InitResult = { ok: true; written: Written[] } | { ok: false; reason: string }

const starter = path.join(packageRoot, 'starter')

/** Write a new guide into `folder`. */
export async function initGuide(folder: string, options: InitOptions = {}): Promise<InitResult> {
  let existing: string[]
  try {
    existing = await readdir(folder)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOTDIR') return { ok: false, reason: `${folder} is a file, not a folder: choose a new folder for the guide` }
    if (code !== 'ENOENT') return { ok: false, reason: `${folder} cannot be read (${code ?? String(error)})` }
    existing = []
  }
  if (existing.length > 0 && !options.force) {
    return { ok: false, reason: `${folder} is not empty (it holds ${existing.length} ${existing.length === 1 ? 'entry' : 'entries'}): choose a new folder, or add --force to write the starter's files into it` }
  }
  const fields: Record<string, string> = { identifier: randomUUID(), date: options.date ?? new Date().toISOString().slice(0, 10) }
  const outputs: Output[] = []
  for (const name of await starterFiles()) {
    const data = await readFile(path.join(starter, name))
    // Only book.yaml holds fields to fill: `{{identifier}}` and `{{date}}`, as plain placeholders in its text.
    outputs.push({ path: name, data: name === 'book.yaml' ? data.toString('utf8').replace(/\{\{(identifier|date)\}\}/g, (_, key: string) => fields[key] as string) : data })
  }
  const schemas = jsonSchemas()
  for (const [key, file] of Object.entries(schemaFiles)) outputs.push({ path: `schemas/${file}`, data: schemas[key as keyof typeof schemaFiles] })
  return { ok: true, written: await commitOutputs(folder, outputs) }
}

/** Every file of the starter guide, relative to its folder, in a fixed order. */
async function starterFiles(): Promise<string[]> {
  const entries = await readdir(starter, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(starter, path.join(entry.parentPath, entry.name)))
    .sort()
}
