// The critics' verdicts as the reception chapter groups them: one bar per group, as long as the group is large,
// its number written at its end, so the chart reads without colour.
import type { ElementContent } from 'hast'
import { s } from 'hastscript'
import type { FigureData } from '../project/figure-data.js'
import { label, paragraphAt, wrap } from './draw-parts.js'

type Reception = Extract<FigureData, { kind: 'reception' }>

const width = 640
const nameWidth = 130
const barMax = 200
const fills = ['#404040', '#8c8c8c', '#ffffff']

export function drawReception(data: Reception): [number, number, ElementContent[]] {
  const most = Math.max(...data.groups.map((g) => g.critics.length))
  const parts: ElementContent[] = []
  let y = 16
  data.groups.forEach((group, i) => {
    const length = (barMax * group.critics.length) / most
    const names = group.critics.map((c) => (c.verdict ? `${c.critic} (${c.verdict})` : c.critic)).join(', ')
    const lines = wrap(names, width - nameWidth - barMax - 50, 11)
    const height = Math.max(26, lines.length * 14 + 6)
    parts.push(label(nameWidth - 8, y + 18, group.name, 14, { weight: 700, anchor: 'end' }))
    parts.push(s('rect', { x: nameWidth, y: y + 2, width: length, height: 22, fill: fills[i % fills.length], stroke: '#000000', strokeWidth: 1 }))
    parts.push(label(nameWidth + length + 6, y + 18, String(group.critics.length), 14, { weight: 700, anchor: 'start' }))
    parts.push(...paragraphAt(nameWidth + barMax + 40, y + 12, names, width - nameWidth - barMax - 50, 11, 'start'))
    y += height + 10
  })
  if (data.note) {
    parts.push(s('line', { x1: 0, y1: y, x2: width, y2: y, stroke: '#000000', strokeWidth: 1, strokeDasharray: '4 3' }))
    parts.push(label(0, y + 20, data.note, 13, { anchor: 'start' }))
    y += 30
  }
  return [width, y, parts]
}
