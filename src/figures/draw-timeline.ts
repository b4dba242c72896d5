// The story's time line: one line, a mark for each part of the film with its year, place and what happens, and
// under it where the novel differs.
import type { ElementContent } from 'hast'
import { s } from 'hastscript'
import type { FigureData } from '../project/figure-data.js'
import { label, paragraphAt, wrap } from './draw-parts.js'

type Timeline = Extract<FigureData, { kind: 'timeline' }>

const width = 640
const margin = 20

export function drawTimeline(data: Timeline): [number, number, ElementContent[]] {
  const column = (width - 2 * margin) / data.periods.length
  const lineY = 52
  const parts: ElementContent[] = [
    s('line', { x1: margin, y1: lineY, x2: width - margin - 8, y2: lineY, stroke: '#000000', strokeWidth: 2 }),
    s('path', { d: `M${width - margin - 10} ${lineY - 6} L${width - margin} ${lineY} L${width - margin - 10} ${lineY + 6} Z`, fill: '#000000' })
  ]
  let bottom = lineY
  data.periods.forEach((period, i) => {
    const x = margin + column * (i + 0.5)
    parts.push(s('circle', { cx: x, cy: lineY, r: 7, fill: '#000000' }))
    parts.push(label(x, lineY - 16, period.year, 20, { weight: 700 }))
    parts.push(label(x, lineY + 28, period.place, 15, { weight: 700 }))
    const lines = paragraphAt(x, lineY + 50, period.summary, column - 16, 12)
    parts.push(...lines)
    bottom = Math.max(bottom, lineY + 50 + lines.length * 15)
  })
  if (data.novel) {
    const y = bottom + 18
    parts.push(s('line', { x1: margin, y1: y - 14, x2: width - margin, y2: y - 14, stroke: '#000000', strokeWidth: 1, strokeDasharray: '4 3' }))
    const lines = paragraphAt(margin, y + 4, data.novel, width - 2 * margin, 12, 'start')
    parts.push(...lines)
    bottom = y + wrap(data.novel, width - 2 * margin, 12).length * 15
  }
  return [width, bottom + 8, parts]
}
