// A reference to a figure (`:ref[fig-timeline]`) shows the figure's number, which only the whole book knows.
import type { Element } from 'hast'
import { visit } from 'unist-util-visit'
import type { Chapter } from '../chapter/chapter.js'
import '../project/data.js'

/** Give every figure reference of `chapters` the text “Figure 3.1”; one to an id that is not a figure keeps the id (the link check reports a missing one). */
export function numberFigureRefs(chapters: Chapter[]) {
  const numbers = new Map(chapters.flatMap(({ file }) => (file.data.figures ?? []).map((f) => [f.id, f.number] as const)))
  for (const { tree } of chapters) {
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.dataFigureRef
      if (typeof id !== 'string') return
      const number = numbers.get(id)
      if (number) node.children = [{ type: 'text', value: `${figureWord(node)} ${number}` }]
      delete node.properties.dataFigureRef
      delete node.properties.dataFigureWord
    })
  }
}

/** The word before the number, as the chapter's own caption prints it (labels.json's `figure`). */
function figureWord(node: Element): string {
  return typeof node.properties.dataFigureWord === 'string' ? node.properties.dataFigureWord : 'Figure'
}
