// A reference to a figure (`:ref[fig-timeline]`) shows the figure's number, which only the whole book knows.
import type { Element } from 'hast'
import { visit } from 'unist-util-visit'
import type { Chapter } from '../chapter/chapter.js'
import { hasClass } from '../core/hast-class.js'
import '../project/data.js'

/**
 * Give every figure reference of `chapters` the text “Figure 3.1” (`word` and the number); one to an id that is not
 * a figure keeps the id (the link check reports a missing one). Only chapters that hold references are walked, and
 * walking one again sets its numbers afresh: the live preview renumbers the chapters it kept after another changed.
 */
export function numberFigureRefs(chapters: Chapter[], word: string) {
  const numbers = new Map(chapters.flatMap(({ file }) => (file.data.figures ?? []).map((f) => [f.id, f.number] as const)))
  for (const { file, tree } of chapters) {
    if (!file.data.figureRefs?.length) continue
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a' || !hasClass(node, 'figure-ref')) return
      const href = String(node.properties.href ?? '')
      const id = href.slice(href.lastIndexOf('#') + 1)
      const number = numbers.get(id)
      node.children = [{ type: 'text', value: number ? `${word} ${number}` : id }]
    })
  }
}
