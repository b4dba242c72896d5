// The story's time line: one line, a mark for each part of the film with its year and place above it and what
// happens below, and under it where the novel differs. Kept low and wide, so it reads at a handout's size too.
import type { ElementContent } from 'hast'
import { s } from 'hastscript'
import type { FigureData } from '../project/figure-data.js'
import { label, paragraphAt, wrap } from './draw-parts.js'

type Timeline = Extract<FigureData, { kind: 'timeline' }>

const width = 640
const margin = 12
const lineY = 34
const small = 11.5
const leading = small * 1.25

export function drawTimeline(data: Timeline): [number, number, ElementContent[]] {
  const column = (width - 2 * margin) / data.periods.length
  const parts: ElementContent[] = [
    s('line', { x1: margin, y1: lineY, x2: width - margin - 8, y2: lineY, stroke: '#000000', strokeWidth: 2 }),
    s('path', { d: `M${width - margin - 10} ${lineY - 6} L${width - margin} ${lineY} L${width - margin - 10} ${lineY + 6} Z`, fill: '#000000' })
  ]
  let bottom = lineY
  data.periods.forEach((period, i) => {
    const x = margin + column * (i + 0.5)
    parts.push(s('circle', { cx: x, cy: lineY, r: 6, fill: '#000000' }))
    parts.push(label(x, lineY - 14, `${period.year} · ${period.place}`, 16, { weight: 700 }))
    const lines = paragraphAt(x, lineY + 22, period.summary, column - 12, small)
    parts.push(...lines)
    bottom = Math.max(bottom, lineY + 22 + (lines.length - 1) * leading)
  })
  if (data.novel) {
    const y = bottom + 14
    parts.push(s('line', { x1: margin, y1: y, x2: width - margin, y2: y, stroke: '#000000', strokeWidth: 1, strokeDasharray: '4 3' }))
    parts.push(...paragraphAt(margin, y + 16, data.novel, width - 2 * margin, small, 'start'))
    bottom = y + 16 + (wrap(data.novel, width - 2 * margin, small).length - 1) * leading
  }
  return [width, bottom + 8, parts]
}
