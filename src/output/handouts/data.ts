// What a handout carries, read from the record each chapter's pipeline made (`file.data`): the key points and
// terms, each question with its answer space (and, in the teacher edition, its guidance), and the activities.
import type { Element, ElementContent, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { EXIT, SKIP, visit } from 'unist-util-visit'
import { hasClass } from '../../core/hast-class.js'
import type { Chapter } from '../../chapter/chapter.js'
import { typeset } from '../../markdown/typography.js'
import type { ActivityInfo, DefinitionInfo } from '../../project/data.js'
import { isNoteMark } from '../../render/print-tree.js'

export interface HandoutQuestion {
  label: string
  lines: number
  essay: boolean
  html: string
  /** Teacher edition only. */
  answerHtml?: string
}

export interface HandoutData {
  slug: string
  order: number
  title: string
  when: 'before' | 'after'
  keyPoints: string[]
  keyTerms: Array<{ term: string; html: string }>
  questions: HandoutQuestion[]
  activities: string[]
  /** The chapter's figures as drawn in the guide, captioned, without the link to their data (the guide has it). */
  figures: Array<{ id: string; number: string; caption: string; html: string }>
}

/** One handout per chapter whose front matter asks for one; `labels` name the questions as the guide does. */
export function handoutData(chapters: Chapter[], labels: { question: string; essay: string }): HandoutData[] {
  const definitions = new Map(chapters.flatMap(({ file }) => (file.data.definitions ?? []).map((d) => [d.id, d] as const)))
  return chapters.flatMap(({ file, tree }) => {
    const handout = file.data.matter?.handout
    if (!handout) return []
    return [{
      slug: file.data.slug as string,
      order: file.data.order as number,
      title: file.data.matter?.title ?? '',
      when: handout.when,
      // Front matter is not Markdown, so its quotes and dashes are set here.
      keyPoints: handout.keyPoints.map(typeset),
      keyTerms: handout.keyTerms.flatMap((id) => keyTerm(definitions.get(id))),
      questions: (file.data.questions ?? []).map((q) => ({
        label: `${q.kind === 'essay' ? labels.essay : labels.question} ${q.number}`,
        lines: q.lines,
        essay: q.kind === 'essay',
        html: html(q.body ?? []),
        answerHtml: q.answer ? html(q.answer) : undefined
      })),
      activities: handoutActivities(file.data.activities ?? [], (file.data.questions ?? []).length > 0),
      figures: (file.data.figures ?? []).flatMap((f) => figureElement(tree, f.id).map((figure) => ({ id: f.id, number: f.number, caption: f.caption, html: html([figure]) })))
    }]
  })
}

/**
 * The activities of the questions section (earlier ones belong to the chapter's body); a chapter with no question
 * at all has no such section, so its handout carries every activity rather than none.
 */
function handoutActivities(activities: ActivityInfo[], hasQuestions: boolean): string[] {
  return activities.filter((a) => a.afterQuestion || !hasQuestions).map((a) => html(a.body ?? []))
}

/** A key term with its definition's first sentence: the rest is in the glossary. */
function keyTerm(definition: DefinitionInfo | undefined) {
  return definition ? [{ term: definition.term, html: html(firstSentence(definition.body ?? [])) }] : []
}

function firstSentence(body: ElementContent[]): ElementContent[] {
  const first = body.find((node): node is Element => node.type === 'element' && node.tagName === 'p')
  if (!first) return body
  const kept: ElementContent[] = []
  for (const child of first.children) {
    const end = child.type === 'text' ? /[.!?](?=\s|$)/.exec(child.value) : null
    if (child.type === 'text' && end) {
      kept.push({ ...child, value: child.value.slice(0, end.index + 1) })
      break
    }
    kept.push(child)
  }
  return [{ ...first, children: kept }]
}

/** A handout draws a figure at a quarter of a millimetre to each unit of its drawing. */
const mmPerPixel = 0.25

/** The figure `id` of `tree`, without the link to its data, drawn at the handout's scale. */
function figureElement(tree: Root, id: string): Element[] {
  let found: Element | undefined
  visit(tree, 'element', (node: Element) => {
    if (node.properties.id !== id) return
    found = structuredClone(node)
    return EXIT
  })
  if (!found) return []
  visit(found, 'element', (node: Element) => {
    if (node.tagName !== 'svg') return
    // Drawn at a fixed scale, so its labels stay legible (about 8.5pt for the data figures' 12px); a figure too
    // tall for the sheet at that size gives way to its reference (handouts.ts, the last fitting steps).
    const width = Number(String(node.properties.viewBox ?? '').split(/\s+/)[2])
    if (width > 0) node.properties.style = `width: ${(width * mmPerPixel).toFixed(1)}mm; max-width: 100%; height: auto;`
    return SKIP
  })
  visit(found, 'element', (node: Element, index, parent) => {
    if (!parent || index === undefined || !hasClass(node, 'figure-data-link')) return
    parent.children.splice(index, 1)
    return [SKIP, index]
  })
  return [found]
}

/** Serialise for a handout: notes and links lead nowhere on paper, so note markers go and links become text. */
function html(nodes: ElementContent[]): string {
  const root: Root = structuredClone({ type: 'root', children: nodes })
  visit(root, 'element', (node: Element, index, parent) => {
    if (!parent || index === undefined) return
    if (isNoteMark(node)) {
      parent.children.splice(index, 1)
      return [SKIP, index]
    }
    if (node.tagName === 'a' && String(node.properties.href ?? '').startsWith('#')) {
      parent.children.splice(index, 1, ...node.children)
      return [SKIP, index]
    }
  })
  return toHtml(root)
}
