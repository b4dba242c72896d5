// Every located message the pipeline reports goes through here: a reason, a rule id, a place (a node, a
// position or a point) and the source `nlmg`, so vfile-reporter prints `file:line:column  error  reason  rule`.
import type { Node, Point, Position } from 'unist'
import { VFile } from 'vfile'

/** Where a message points: a node of the tree (its start), a position or a point; none for the whole file. */
export type Where = Node | Position | Point | undefined

/** Report an error on `file`: the build stops, nothing is written. */
export function fail(file: VFile, reason: string, ruleId: string, where?: Where) {
  const message = file.message(reason, { place: placeOf(where), ruleId, source: 'nlmg' })
  message.fatal = true
  return message
}

/** Report a warning on `file` (an error only under `--frail`). */
export function warn(file: VFile, reason: string, ruleId: string, where?: Where) {
  return file.message(reason, { place: placeOf(where), ruleId, source: 'nlmg' })
}

/** Whether any of `files` carries an error (not just warnings). */
export function hasErrors(files: VFile[]): boolean {
  return files.some((f) => f.messages.some((m) => m.fatal))
}

/** A file to hang messages on that concern a folder or the whole book. */
export function bookFile(path: string) {
  return new VFile({ path })
}

function placeOf(where: Where): Position | Point | undefined {
  if (!where) return undefined
  if ('type' in where) return (where as Node).position
  return where as Position | Point
}
