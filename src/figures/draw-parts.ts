// The pieces every data drawing shares: the frame with its accessible name, text in the guide's families, and
// lines of text wrapped to a width (an estimate: the drawing is laid out here, not measured in a browser).
import type { Element, ElementContent } from 'hast'
import { s } from 'hastscript'

export const sans = '"Source Sans 3", sans-serif'

/** The `<svg>`: scaled to the column, its alternative text as its title and accessible name. */
export function svgFrame(id: string, width: number, height: number, alt: string, parts: ElementContent[]): Element {
  return s('svg', { id, xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', ariaLabelledBy: `${id}-title`, className: ['data-figure'] }, [
    s('title', { id: `${id}-title` }, alt),
    s('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }),
    ...parts
  ])
}

/** A line of text; `weight` 700 for bold; anchored at its middle unless told. */
export function label(x: number, y: number, value: string, size = 13, options: { weight?: number; anchor?: 'start' | 'middle' | 'end'; transform?: string } = {}): Element {
  return s('text', { x, y, fontFamily: sans, fontSize: size, fontWeight: options.weight ?? 400, textAnchor: options.anchor ?? 'middle', fill: '#000000', transform: options.transform }, value)
}

/** `value` as lines of at most about `width` pixels at `size` (Source Sans runs about half an em a character). */
export function wrap(value: string, width: number, size: number): string[] {
  const max = Math.max(8, Math.floor(width / (size * 0.5)))
  const lines: string[] = []
  for (const word of value.split(/\s+/)) {
    const last = lines.at(-1)
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines
}

/** Wrapped text, one `<text>` per line, starting at `y`. */
export function paragraphAt(x: number, y: number, value: string, width: number, size = 12, anchor: 'start' | 'middle' = 'middle'): Element[] {
  return wrap(value, width, size).map((line, i) => label(x, y + i * size * 1.25, line, size, { anchor }))
}
