// The figures' render step: every figure's placeholder (`.figure-art`, left by the figures transform) filled
// with its drawing, for every edition; a data figure also gets its data as text, linked from its caption.
// Mermaid diagrams are drawn in the browser only when the cache does not hold them.
import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import { SKIP, visit } from 'unist-util-visit'
import type { Chapter } from '../chapter/chapter.js'
import type { BrowserSession } from '../browser/browser.js'
import { fail } from '../core/messages.js'
import type { FigureInfo } from '../project/data.js'
import type { FigureData } from '../project/figure-data.js'
import type { Labels } from '../project/labels.js'
import { typesetData } from '../transform/figures.js'
import { drawData, dataAlternative } from './draw.js'
import { cachedDiagrams, diagramHash, drawDiagrams, type Drawn } from './mermaid.js'
import { svgTree } from './svg.js'

export interface FiguresInput {
  /** Every edition's chapters (the teacher edition's first: its files carry the messages the build reports). */
  editions: Iterable<Chapter[]>
  figureData: ReadonlyMap<string, FigureData>
  labels: Labels
  /** The folder of cached drawings. */
  cacheDir: string
  /** The build's browser, started only if a diagram must be drawn. */
  browser: () => Promise<BrowserSession>
}

export interface FiguresReport {
  /** Diagrams Mermaid drew in this build, and those taken from the cache. */
  drawn: number
  cached: number
}

/** Fill every figure of every edition; a diagram Mermaid refuses is an error at its fence. */
export async function renderFigures(input: FiguresInput): Promise<FiguresReport> {
  const chapters = [...input.editions].flat()
  const sources = new Map<string, string>()
  for (const { file } of chapters) for (const f of file.data.figures ?? []) if (f.mermaid !== undefined) sources.set(diagramHash(f.mermaid), f.mermaid)
  const cache = { dir: input.cacheDir }
  const results = new Map<string, Drawn>([...(await cachedDiagrams(cache, sources.keys()))].map(([hash, svg]) => [hash, { svg }]))
  const pending = new Map([...sources].filter(([hash]) => !results.has(hash)))
  if (pending.size > 0) for (const [hash, drawn] of await drawDiagrams(await input.browser(), cache, pending)) results.set(hash, drawn)
  const trees = new Map<string, Element | string>()
  for (const [hash, drawn] of results) trees.set(hash, 'svg' in drawn ? svgTree(drawn.svg) : drawn.error)
  // Only a chapter that has figures has placeholders to fill: the others are not walked.
  for (const chapter of chapters) if (chapter.file.data.figures?.length) fill(chapter, trees, input)
  return { drawn: pending.size, cached: sources.size - pending.size }
}

function fill({ file, tree }: Chapter, diagrams: Map<string, Element | string>, input: FiguresInput) {
  const figures = new Map((file.data.figures ?? []).map((f) => [f.id, f]))
  visit(tree, 'element', (node: Element) => {
    const figure = figures.get(String(node.properties.dataFigure ?? ''))
    if (!figure) return
    delete node.properties.dataFigure
    const raw = input.figureData.get(figure.data ?? '')
    const data = raw && typesetData(raw)
    if (figure.mermaid !== undefined) {
      const drawing = diagrams.get(diagramHash(figure.mermaid))
      if (typeof drawing === 'string' || !drawing) return void fail(file, `Mermaid cannot draw this diagram: ${drawing ?? 'no drawing'}`, 'mermaid', figure.place)
      node.children = [structuredClone(drawing)]
    } else if (data) {
      node.children = [drawData(data, figure)]
    }
    if (data) addAlternative(tree, figure, data, input.labels)
    return SKIP
  })
}

/** After the data figure: its data as a list or table, linked from its caption (the print tree leaves both out). */
function addAlternative(tree: Root, figure: FigureInfo, data: FigureData, labels: Labels) {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.properties.id !== figure.id || !parent || index === undefined) return
    const caption = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption')
    caption?.children.push({ type: 'text', value: ' ' }, h('a.figure-data-link', { href: `#${figure.id}-data` }, `(${labels.figureData})`))
    const alternative: ElementContent = h('div.figure-data', { id: `${figure.id}-data` }, dataAlternative(data, `${labels.figure} ${figure.number}`))
    parent.children.splice(index + 1, 0, alternative)
    return SKIP
  })
}
