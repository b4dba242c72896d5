// The data that figures are drawn from: every `chapters/figures/*.yaml`, one figure's data per file, checked by
// one schema per kind (a timeline, a character map, a theme tracker, a reception chart), every problem located.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { z } from 'zod'
import { fail } from '../core/messages.js'
import { parseYaml } from './yaml.js'

const text = z.string().trim().min(1)
/** Every data file says what its figure shows, for readers who cannot see it. */
const common = { alt: text }

const timeline = z.strictObject({
  kind: z.literal('timeline'),
  ...common,
  periods: z.array(z.strictObject({ year: text, place: text, summary: text })).min(1),
  /** Where the novel differs, in one sentence under the line. */
  novel: text.optional()
})

/** How two people are bound; `other` for a tie that is none of these (its label says what it is). */
export const bondKinds = ['friends', 'couple', 'guardian', 'carer', 'other'] as const

const characters = z.strictObject({
  kind: z.literal('characters'),
  ...common,
  people: z.array(z.strictObject({ id: text, name: text, role: text })).min(2),
  /** People drawn inside one box, which a bond may join as a whole. */
  groups: z.array(z.strictObject({ id: text, name: text, members: z.array(text).min(1) })).default([]),
  bonds: z.array(z.strictObject({ from: text, to: text, kind: z.enum(bondKinds), label: text })).min(1)
})

const themes = z.strictObject({
  kind: z.literal('themes'),
  ...common,
  themes: z.array(z.strictObject({ id: text, name: text })).min(1),
  scenes: z.array(z.strictObject({ name: text, themes: z.array(text) })).min(1)
})

const reception = z.strictObject({
  kind: z.literal('reception'),
  ...common,
  groups: z.array(z.strictObject({ name: text, critics: z.array(z.strictObject({ critic: text, verdict: text.optional() })).min(1) })).min(1),
  /** One more figure under the bars (an aggregator's score, with its date). */
  note: text.optional()
})

export const figureData = z.discriminatedUnion('kind', [timeline, characters, themes, reception])

export type FigureData = z.infer<typeof figureData>

export interface FigureDataSet {
  /** Each file's data, by name (`timeline` for `timeline.yaml`). */
  data: Map<string, FigureData>
  files: VFile[]
}

/** Load every data file of `dir`; a missing folder holds none. Names a figure refers to that do not exist are checked by the directive. */
export async function loadFigureData(dir: string): Promise<FigureDataSet> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /\.ya?ml$/.test(n)).sort()
  const data = new Map<string, FigureData>()
  const files: VFile[] = []
  for (const name of names) {
    const file = new VFile({ path: path.join(dir, name), value: await readFile(path.join(dir, name), 'utf8') })
    files.push(file)
    const parsed = parseYaml(file, String(file.value), figureData)
    if (!parsed) continue
    if (parsed.data.kind === 'characters') checkBonds(file, parsed.data, parsed.places)
    if (parsed.data.kind === 'themes') checkThemes(file, parsed.data, parsed.places)
    data.set(name.replace(/\.ya?ml$/, ''), parsed.data)
  }
  return { data, files }
}

type Places = Record<string, { line: number; column: number }>

/** A bond joins two people (or groups) of the map; a group holds people of the map. */
function checkBonds(file: VFile, map: Extract<FigureData, { kind: 'characters' }>, places: Places) {
  const people = new Set(map.people.map((p) => p.id))
  const ids = new Set([...people, ...map.groups.map((g) => g.id)])
  map.groups.forEach((group, i) => {
    group.members.forEach((id, j) => {
      if (!people.has(id)) fail(file, `\`groups.${i}.members.${j}\`: no person has the id \`${id}\``, 'figure-data', places[`groups.${i}.members.${j}`])
    })
  })
  map.bonds.forEach((bond, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!ids.has(bond[end])) fail(file, `\`bonds.${i}.${end}\`: no person has the id \`${bond[end]}\``, 'figure-data', places[`bonds.${i}.${end}`])
    }
  })
}

/** A scene names only themes of the tracker. */
function checkThemes(file: VFile, tracker: Extract<FigureData, { kind: 'themes' }>, places: Places) {
  const ids = new Set(tracker.themes.map((t) => t.id))
  tracker.scenes.forEach((scene, i) => {
    scene.themes.forEach((id, j) => {
      if (!ids.has(id)) fail(file, `\`scenes.${i}.themes.${j}\`: no theme has the id \`${id}\``, 'figure-data', places[`scenes.${i}.themes.${j}`])
    })
  })
}
