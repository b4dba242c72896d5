// What a handout carries, taken from the processed chapters (one edition's hast): the key points and terms,
// each question with its answer space (and, in the teacher edition, its guidance), and the activities.
import { hasClass } from '../../core/hast-class.js'
import type { Element, ElementContent, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { SKIP, visit } from 'unist-util-visit'
import type { Chapter } from '../../book/book.js'
import { typeset } from '../../markdown/typography.js'
import '../../core/data.js'

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
  viewing: 'before' | 'after'
  keyPoints: string[]
  keyTerms: Array<{ term: string; html: string }>
  questions: HandoutQuestion[]
  activities: string[]
}

/** One handout per chapter whose front matter asks for one. */
export function handoutData(chapters: Chapter[]): HandoutData[] {
  const definitions = collectDefinitions(chapters)
  return chapters.flatMap(({ file, tree }) => {
    const handout = file.data.matter?.handout
    if (!handout) return []
    return [{
      slug: file.data.slug as string,
      order: file.data.order as number,
      title: file.data.matter?.title ?? '',
      viewing: handout.viewing,
      // Front matter is not Markdown, so its quotes and dashes are set here.
      keyPoints: handout.keyPoints.map(typeset),
      keyTerms: handout.keyTerms.map((id) => definitions.get(id)).filter((d): d is { term: string; html: string } => d !== undefined),
      questions: blocks(tree, 'question').map(question),
      activities: handoutActivities(tree).map((node) => html(node.children))
    }]
  })
}

function collectDefinitions(chapters: Chapter[]) {
  const found = new Map<string, { term: string; html: string }>()
  for (const { tree } of chapters) {
    for (const node of blocks(tree, 'definition')) {
      const [label, ...body] = node.children.filter((c): c is Element => c.type === 'element')
      const id = String(node.properties.id).replace(/^term-/, '')
      found.set(id, { term: textOf(label), html: html(firstSentence(body)) })
    }
  }
  return found
}

/** A handout gives each key term its definition's first sentence: the rest is in the glossary. */
function firstSentence(body: Element[]): Element[] {
  const first = body.find((node) => node.tagName === 'p')
  if (!first) return body
  const copy = structuredClone(first)
  const kept: ElementContent[] = []
  for (const child of copy.children) {
    if (child.type === 'text') {
      const end = /[.!?](?=\s|$)/.exec(child.value)
      if (end) {
        kept.push({ ...child, value: child.value.slice(0, end.index + 1) })
        break
      }
    }
    kept.push(child)
  }
  copy.children = kept
  return [copy]
}

function question(node: Element): HandoutQuestion {
  const children = node.children.filter((c): c is Element => c.type === 'element')
  const [label, ...rest] = children
  const answer = rest.find((c) => hasClass(c, 'answer'))
  const body = rest.filter((c) => c !== answer)
  return {
    label: textOf(label),
    lines: Number(String(node.properties.dataLines ?? 4)),
    essay: hasClass(node, 'question-essay'),
    html: html(body),
    answerHtml: answer ? html(answer.children.filter((c) => !(c.type === 'element' && hasClass(c, 'block-label')))) : undefined
  }
}

/** The activities of the questions section: those after the first question (earlier ones belong to the chapter's body). */
function handoutActivities(tree: Root): Element[] {
  const both = blocks(tree, ['question', 'activity'])
  const first = both.findIndex((node) => hasClass(node, 'question'))
  return both.filter((node, i) => hasClass(node, 'activity') && first >= 0 && i > first)
}

function blocks(tree: Root, classNames: string | string[]): Element[] {
  const wanted = typeof classNames === 'string' ? [classNames] : classNames
  const found: Element[] = []
  visit(tree, 'element', (node: Element) => {
    if (!wanted.some((name) => hasClass(node, name))) return
    found.push(node)
    return SKIP
  })
  return found
}

/** Serialise for a handout: notes and links lead nowhere on paper, so note markers go and links become text. */
function html(nodes: ElementContent[]): string {
  const root: Root = structuredClone({ type: 'root', children: nodes })
  visit(root, 'element', (node: Element, index, parent) => {
    if (!parent || index === undefined) return
    if (node.tagName === 'sup' && node.children.some((c) => c.type === 'element' && c.properties.role === 'doc-noteref')) {
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

function textOf(node: Element | undefined): string {
  let text = ''
  if (node) visit(node, 'text', (t) => { text += t.value })
  return text.trim()
}

