// Figures: a fenced `mermaid` block and a `::figure[caption]{data="name" #id}` directive become a numbered
// `<figure>` with its caption; the drawing itself is left to the figures stage (after the browser), which fills
// the figure's `.figure-art` placeholder. A `:ref[id]` becomes a link that the book stage numbers.
import type { Code, PhrasingContent, Root } from 'mdast'
import type { LeafDirective, TextDirective } from 'mdast-util-directive'
import { toString } from 'mdast-util-to-string'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { fail } from '../core/messages.js'
import type { FigureData } from '../project/figure-data.js'
import type { Labels } from '../project/labels.js'
import { typeset } from '../markdown/typography.js'
import { text } from './mdast-build.js'
import { characterMapSource } from './character-map.js'
import { mermaidText } from './mermaid-text.js'
import '../project/data.js'

export interface FiguresOptions {
  labels: Labels
  figureData: ReadonlyMap<string, FigureData>
}

/** Number the chapter's figures and record them on `file.data.figures`; refuse a figure without alternative text. */
export function remarkFigures(options: FiguresOptions) {
  return (tree: Root, file: VFile) => {
    file.data.figures = []
    file.data.figureRefs = []
    file.data.references ??= []
    const figureNumber = () => `${file.data.order ?? 0}.${(file.data.figures?.length ?? 0) + 1}`
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return
      let figure: unknown
      if (node.type === 'code' && node.lang === 'mermaid') figure = fromMermaid(node, file, figureNumber(), options.labels)
      else if (node.type === 'leafDirective' && node.name === 'figure') figure = fromData(node, file, figureNumber(), options)
      else if (node.type === 'textDirective' && node.name === 'ref') figure = reference(node, file)
      else return
      // A figure refused (reported above) leaves nothing behind, not a directive later steps would report again.
      parent.children.splice(index, 1, ...(figure ? [figure as never] : []))
      return figure ? SKIP : index
    })
  }
}

function fromMermaid(node: Code, file: VFile, number: string, labels: Labels) {
  const { title, description } = mermaidText(node.value)
  const id = /^#([\w-]+)$/.exec(node.meta?.trim() ?? '')?.[1] ?? `figure-${file.data.slug}-${number.replace('.', '-')}`
  if (!title && !description) {
    fail(file, 'A Mermaid diagram needs `accTitle:` (its caption) or `accDescr:` (its alternative text): readers who cannot see it get nothing else', 'figure-alt', node)
    return undefined
  }
  const caption = title ?? description ?? ''
  file.data.figures?.push({ id, number, caption, alt: description ?? title ?? '', place: node.position?.start, mermaid: node.value })
  // Until the figures stage draws it (and in `check`), the diagram shows as its source.
  const art = { type: 'code', value: node.value, lang: 'mermaid' }
  return figureNode(id, number, [text(caption)], art, labels)
}

function fromData(node: LeafDirective, file: VFile, number: string, options: FiguresOptions) {
  const name = node.attributes?.data ?? ''
  const id = node.attributes?.id ?? ''
  const raw = options.figureData.get(name)
  // Data files are not Markdown, so their quotes and dashes are set here, as the chapter's text is.
  const data = raw && typesetData(raw)
  if (!data) {
    const known = [...options.figureData.keys()].join(', ') || 'none'
    fail(file, `\`::figure\` needs \`data="name"\` naming a file of chapters/figures/ (known: ${known})`, 'figure-data', node)
    return undefined
  }
  if (!id || node.children.length === 0) {
    fail(file, '`::figure[caption]{data="…" #id}` needs a caption and an id, so the figure can be listed and referred to', 'figure-caption', node)
    return undefined
  }
  const caption = toString(node.children.filter((c) => c.type !== 'textDirective')).trim()
  // A character map is laid out by Mermaid, from a flowchart made of its data.
  const mermaid = data.kind === 'characters' ? characterMapSource(data, caption) : undefined
  file.data.figures?.push({ id, number, caption, alt: data.alt, place: node.position?.start, data: name, mermaid })
  return figureNode(id, number, node.children, { type: 'figureText', data: { hName: 'p' }, children: [text(data.alt)] }, options.labels)
}

/** Every string of `data` typeset (curly quotes, dashes), keys and the kind left alone. */
export function typesetData<T>(data: T): T {
  return JSON.parse(JSON.stringify(data), (key, value: unknown) => (typeof value === 'string' && !['kind', 'id', 'from', 'to'].includes(key) ? typeset(value) : value)) as T
}

/**
 * `:ref[fig-timeline]`: a link to the figure, its text (“Figure 3.1”) set by `numberFigureRefs` once the whole
 * book is numbered, and again whenever the figure's number may have changed (the live preview keeps this tree).
 */
function reference(node: TextDirective, file: VFile) {
  const id = toString(node).trim()
  file.data.references?.push({ id, kind: 'link', place: node.position?.start, written: `:ref[${id}]` })
  file.data.figureRefs?.push(id)
  return { type: 'link', url: `#${id}`, children: [text(id)], data: { hProperties: { className: ['figure-ref'] } } }
}

/** The `<figure>`: the art's placeholder, then “Figure 3.1” and the caption. */
function figureNode(id: string, number: string, caption: PhrasingContent[], art: unknown, labels: Labels) {
  const label = { type: 'strong', children: [text(`${labels.figure} ${number}`)], data: { hProperties: { className: ['figure-label'] } } }
  return {
    type: 'figure',
    data: { hName: 'figure', hProperties: { id, className: ['figure'] } },
    children: [
      { type: 'figureArt', data: { hName: 'div', hProperties: { className: ['figure-art'], dataFigure: id } }, children: [art] },
      { type: 'figureCaption', data: { hName: 'figcaption' }, children: [label, text('. '), ...caption] }
    ]
  }
}
