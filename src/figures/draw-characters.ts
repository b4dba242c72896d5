// The character map: each person a box round a circle, each bond a line whose pattern says its kind (friends,
// couple, guardian, carer) and whose words say what it is, with a key: nothing rests on colour.
import type { ElementContent } from 'hast'
import { s } from 'hastscript'
import { bondKinds, type FigureData } from '../project/figure-data.js'
import { label } from './draw-parts.js'

type Map = Extract<FigureData, { kind: 'characters' }>

const width = 640
const height = 470
const centre = { x: width / 2, y: 215 }
const radius = { x: 235, y: 170 }

/** Each kind of bond drawn its own way: solid, double weight, dashed, dotted. */
const strokes: Record<(typeof bondKinds)[number], { strokeWidth: number; strokeDasharray?: string }> = {
  friends: { strokeWidth: 1.5 },
  couple: { strokeWidth: 4 },
  guardian: { strokeWidth: 1.5, strokeDasharray: '8 5' },
  carer: { strokeWidth: 2, strokeDasharray: '2 4' }
}

export function drawCharacters(data: Map): [number, number, ElementContent[]] {
  const at = new globalThis.Map(data.people.map((p, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / data.people.length
    return [p.id, { x: centre.x + radius.x * Math.cos(angle), y: centre.y + radius.y * Math.sin(angle) }] as const
  }))
  const parts: ElementContent[] = []
  for (const bond of data.bonds) {
    const a = at.get(bond.from)
    const b = at.get(bond.to)
    if (!a || !b) continue
    parts.push(s('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: '#000000', ...strokes[bond.kind] }))
    const mx = (a.x + b.x) / 2
    const my = (a.y + b.y) / 2
    parts.push(s('rect', { x: mx - bond.label.length * 3.1 - 3, y: my - 9, width: bond.label.length * 6.2 + 6, height: 14, fill: '#ffffff' }))
    parts.push(label(mx, my + 2, bond.label, 11))
  }
  for (const person of data.people) {
    const p = at.get(person.id)
    if (!p) continue
    const w = Math.max(person.name.length * 8, person.role.length * 6) + 16
    parts.push(s('rect', { x: p.x - w / 2, y: p.y - 20, width: w, height: 38, rx: 6, fill: '#ffffff', stroke: '#000000', strokeWidth: 1.5 }))
    parts.push(label(p.x, p.y - 3, person.name, 14, { weight: 700 }))
    parts.push(label(p.x, p.y + 12, person.role, 11))
  }
  return [width, height, [...parts, ...key()]]
}

/** The key: one short line of each kind, named. */
function key(): ElementContent[] {
  const y = height - 18
  return bondKinds.flatMap((kind, i) => {
    const x = 40 + i * 150
    return [s('line', { x1: x, y1: y, x2: x + 40, y2: y, stroke: '#000000', ...strokes[kind] }), label(x + 48, y + 4, kind, 12, { anchor: 'start' })]
  })
}
