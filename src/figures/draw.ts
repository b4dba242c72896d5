// Figures drawn from data: one drawer per kind, each SVG built with hastscript's `s`, and the same data as text
// for readers who cannot see the drawing.
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { FigureInfo } from '../project/data.js'
import type { FigureData } from '../project/figure-data.js'
import { drawReception } from './draw-reception.js'
import { drawThemes } from './draw-themes.js'
import { drawTimeline } from './draw-timeline.js'
import { svgFrame } from './draw-parts.js'

/** The drawing of `data`, labelled with its alternative text. */
export function drawData(data: FigureData, figure: FigureInfo): Element {
  const [width, height, parts] = drawing(data)
  return svgFrame(`${figure.id}-svg`, width, height, figure.alt, parts)
}

function drawing(data: FigureData): [number, number, ElementContent[]] {
  switch (data.kind) {
    case 'timeline':
      return drawTimeline(data)
    case 'characters':
      // Note: the figures transform gives a character map to Mermaid; it never reaches this drawer.
      throw new Error('A character map is drawn by Mermaid')
    case 'themes':
      return drawThemes(data)
    case 'reception':
      return drawReception(data)
  }
}

/** The data of `data` as a table (or, for a timeline, a table of its periods), captioned with the figure's label. */
export function dataAlternative(data: FigureData, label: string): ElementContent[] {
  const table = (head: string[], rows: string[][]) =>
    h('table', [h('caption', label), h('thead', h('tr', head.map((c) => h('th', { scope: 'col' }, c)))), h('tbody', rows.map((r) => h('tr', r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', c))))))])
  switch (data.kind) {
    case 'timeline':
      return [table(['Year', 'Part', 'What happens'], data.periods.map((p) => [p.year, p.place, p.summary])), ...(data.novel ? [h('p', data.novel)] : [])]
    case 'characters': {
      const name = new Map(data.people.map((p) => [p.id, p.name]))
      return [table(['Character', 'Bound to', 'Bond'], data.bonds.map((b) => [name.get(b.from) ?? b.from, name.get(b.to) ?? b.to, `${b.kind}: ${b.label}`]))]
    }
    case 'themes':
      return [table(['Key scene', ...data.themes.map((t) => t.name)], data.scenes.map((s) => [s.name, ...data.themes.map((t) => (s.themes.includes(t.id) ? 'yes' : 'no'))]))]
    case 'reception':
      return [table(['Verdict', 'Critics', 'Number'], data.groups.map((g) => [g.name, g.critics.map((c) => (c.verdict ? `${c.critic} (${c.verdict})` : c.critic)).join('; '), String(g.critics.length)])), ...(data.note ? [h('p', data.note)] : [])]
  }
}
