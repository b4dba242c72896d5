// The theme tracker: key scenes down the side, themes across the top, a filled circle where a theme returns and
// a small dash where it does not, so the grid reads by shape, never by colour.
import type { ElementContent } from 'hast'
import { s } from 'hastscript'
import type { FigureData } from '../project/figure-data.js'
import { label } from './draw-parts.js'

type Tracker = Extract<FigureData, { kind: 'themes' }>

const width = 640
const sceneWidth = 200
const headHeight = 120
const row = 26

export function drawThemes(data: Tracker): [number, number, ElementContent[]] {
  const cell = (width - sceneWidth - 20) / data.themes.length
  const parts: ElementContent[] = []
  data.themes.forEach((theme, j) => {
    const x = sceneWidth + cell * (j + 0.5)
    parts.push(label(x + 4, headHeight - 8, theme.name, 12, { weight: 700, anchor: 'start', transform: `rotate(-40 ${x + 4} ${headHeight - 8})` }))
  })
  data.scenes.forEach((scene, i) => {
    const y = headHeight + i * row
    if (i % 2 === 0) parts.push(s('rect', { x: 0, y, width, height: row, fill: '#eeeeee' }))
    parts.push(label(sceneWidth - 10, y + row * 0.66, scene.name, 13, { anchor: 'end' }))
    data.themes.forEach((theme, j) => {
      const x = sceneWidth + cell * (j + 0.5)
      const cy = y + row / 2
      parts.push(scene.themes.includes(theme.id) ? s('circle', { cx: x, cy, r: 7, fill: '#000000' }) : s('line', { x1: x - 4, y1: cy, x2: x + 4, y2: cy, stroke: '#777777', strokeWidth: 1.5 }))
    })
  })
  return [width, headHeight + data.scenes.length * row + 6, parts]
}
