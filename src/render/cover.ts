// A cover for a guide that has no picture of its own: its title, subtitle and authors set on a plain ground, as an
// SVG drawn from templates/cover.svg.hbs (a guide may override it), so an EPUB and a web edition always have one.
import type { ResolvedConfig } from '../project/config.js'
import type { Templates } from './templates.js'

/** The default cover's SVG text for `config`. */
export async function defaultCover(templates: Templates, config: ResolvedConfig): Promise<string> {
  const titleLines = lines(config.title, 16).map((text, i) => ({ text, y: 520 + i * 180 }))
  const below = 520 + titleLines.length * 180 + 40
  const subtitleLines = lines(config.subtitle ?? '', 34).map((text, i) => ({ text, y: below + i * 96 }))
  return (await templates.get('cover.svg.hbs'))({ alt: config.coverAlt, titleLines, subtitleLines, authors: config.authors.join(', ') })
}

/** `text` broken at spaces into lines of at most `width` characters (a longer word stands on a line of its own). */
export function lines(text: string, width: number): string[] {
  const out: string[] = []
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = out[out.length - 1]
    if (last !== undefined && last.length + 1 + word.length <= width) out[out.length - 1] = `${last} ${word}`
    else out.push(word)
  }
  return out
}
