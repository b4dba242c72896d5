// The guide's own blocks: each directive becomes HTML through `data.hName`/`data.hProperties`, with its label.
import type { BlockContent, DefinitionContent, Root } from 'mdast'
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive'
import { toString } from 'mdast-util-to-string'
import { SKIP, visitParents } from 'unist-util-visit-parents'
import type { VFile } from 'vfile'
import { fail as report } from '../core/messages.js'
import type { Labels } from '../project/labels.js'
import { blockLabel, paragraph, text } from './mdast-build.js'
import type { Source } from '../project/schema.js'
import type { References } from './references.js'
import { bibliographyList } from './bibliography.js'
import '../project/data.js'

type Directive = ContainerDirective | LeafDirective | TextDirective

export interface BlocksOptions {
  labels: Labels
  sources: ReadonlyMap<string, Source>
  references: References
}

/** Every directive an author may write, by kind (docs/AUTHORING.md documents each; a test compares the lists). */
export const directives = {
  containers: ['spoiler', 'callout', 'quote', 'question', 'answer', 'teacher', 'activity', 'definition'],
  leaves: ['sources', 'figure'],
  text: ['cite', 'term', 'ref']
} as const
const containers = new Set<string>(directives.containers)
/** `::figure` (and `:ref`) are turned into figures by remark-figures, before this step. */
const leaves = new Set<string>(['sources'])
/** Text directives handled by later plugins. */
const laterText = new Set(['cite'])

/** Turn the guide's directives into labelled HTML blocks; unknown block directives are errors. */
export function remarkBlocks(options: BlocksOptions) {
  return (tree: Root, file: VFile) => {
    const state = { questions: 0 }
    file.data.questions = []
    file.data.definitions = []
    file.data.activities = []
    file.data.references ??= []
    file.data.ids ??= []
    visitParents(tree, (node, ancestors) => {
      if (node.type === 'containerDirective') return container(node, ancestors, file, options, state)
      if (node.type === 'leafDirective') return leaf(node, ancestors, file, options)
      if (node.type === 'textDirective') return inline(node, ancestors, file)
    })
  }
}


function fail(file: VFile, node: Directive, reason: string, ruleId: string) {
  report(file, reason, ruleId, node)
}

function within(ancestors: unknown[], name: string) {
  return ancestors.some((a) => (a as Directive).type === 'containerDirective' && (a as Directive).name === name)
}

/** Whether a block gives the story away: inside a spoiler block, or anywhere in a `spoilers: full` chapter. */
function spoilerAt(ancestors: unknown[], file: VFile) {
  return within(ancestors, 'spoiler') || file.data.matter?.spoilers === 'full'
}

function container(node: ContainerDirective, ancestors: unknown[], file: VFile, options: BlocksOptions, state: { questions: number }) {
  const { labels } = options
  const attrs = node.attributes ?? {}
  const set = (hName: string, className: string[], extra: Record<string, unknown> = {}) => {
    node.data = { ...node.data, hName, hProperties: { className, ...extra } }
  }
  const label = (p: ReturnType<typeof blockLabel>) => node.children.unshift(p as BlockContent)
  switch (node.name) {
    case 'spoiler':
      set('div', ['spoiler'], { role: 'note' })
      label(blockLabel(labels.spoiler, attrs.about ?? undefined))
      return
    case 'callout':
      set('div', ['callout'], { role: 'note' })
      if (attrs.title) label(blockLabel(attrs.title))
      return
    case 'quote': {
      if (!attrs.source) return fail(file, node, 'A `:::quote` needs `source="id"` naming where the words come from', 'quote-source')
      set('figure', ['key-quote'])
      const words: BlockContent[] = node.children.filter((c): c is BlockContent => c.type !== 'definition') as BlockContent[]
      const caption = paragraph([], ['quote-source'], 'figcaption')
      if (attrs.speaker) caption.children.push(text(`— ${attrs.speaker}`))
      caption.children.push(text(' '), { type: 'textDirective', name: 'cite', attributes: {}, children: [text(attrs.source)] } as TextDirective)
      node.children = [{ type: 'blockquote', children: words }, caption] as typeof node.children
      return
    }
    case 'question': {
      const lines = Number(attrs.lines ?? 4)
      if (!Number.isInteger(lines) || lines < 1 || lines > 40) {
        return fail(file, node, '`lines` must be a whole number from 1 to 40', 'question-lines')
      }
      const kind = attrs.kind === 'essay' ? 'essay' : 'question'
      if (attrs.kind && attrs.kind !== 'essay' && attrs.kind !== 'question') {
        return fail(file, node, '`kind` must be `question` or `essay`', 'question-kind')
      }
      const number = ++state.questions
      const id = `${file.data.slug}-q${number}`
      file.data.questions?.push({ id, number, kind, lines, spoiler: spoilerAt(ancestors, file), place: node.position?.start })
      set('div', ['question', `question-${kind}`], { id, dataLines: lines })
      file.data.ids?.push(id)
      label(blockLabel(`${kind === 'essay' ? labels.essay : labels.question} ${number}`))
      return
    }
    case 'answer':
      if (!within(ancestors, 'question')) return fail(file, node, 'An `:::answer` must stand inside a `::::question`', 'answer-outside-question')
      set('div', ['answer', 'teacher-only'], { id: `${file.data.questions?.at(-1)?.id}-answer` })
      label(blockLabel(labels.answer))
      return
    case 'teacher':
      set('div', ['teacher-note', 'teacher-only'])
      label(blockLabel(labels.teacher))
      return
    case 'activity': {
      const id = `${file.data.slug}-activity-${(file.data.activities?.length ?? 0) + 1}`
      file.data.activities?.push({ id, spoiler: spoilerAt(ancestors, file), place: node.position?.start, afterQuestion: state.questions > 0 })
      file.data.ids?.push(id)
      set('div', ['activity'], { id })
      const minutes = attrs.minutes ? ` (${attrs.minutes} ${labels.minutes})` : ''
      label(blockLabel(labels.activity, attrs.title ? `${attrs.title}${minutes}` : minutes.trim() || undefined))
      return
    }
    case 'definition': {
      if (!attrs.term) return fail(file, node, 'A `:::definition` needs `term="…"`', 'definition-term')
      const id = attrs.id ?? slugOf(attrs.term)
      if (attrs.spoilers !== undefined && attrs.spoilers !== 'none') return fail(file, node, '`spoilers` on a definition can only be `none`', 'definition-spoilers')
      const spoiler = attrs.spoilers === 'none' ? within(ancestors, 'spoiler') : spoilerAt(ancestors, file)
      file.data.definitions?.push({ id, term: attrs.term, spoiler, place: node.position?.start })
      file.data.ids?.push(`term-${id}`)
      set('div', ['definition'], { id: `term-${id}` })
      node.children.unshift(paragraph([{ type: 'strong', data: { hName: 'dfn' }, children: [text(attrs.term)] }], ['term']) as BlockContent)
      return
    }
    default:
      fail(file, node, `Unknown directive \`:::${node.name}\`; known: ${[...containers].join(', ')}`, 'unknown-directive')
      return SKIP
  }
}

function leaf(node: LeafDirective, ancestors: unknown[], file: VFile, options: BlocksOptions) {
  if (!leaves.has(node.name)) {
    fail(file, node, `Unknown directive \`::${node.name}\`; known: ${[...leaves].join(', ')}`, 'unknown-directive')
    return SKIP
  }
  const parent = ancestors[ancestors.length - 1] as { children: unknown[] }
  const list = bibliographyList(options.sources, options.references)
  file.data.ids?.push(...[...options.sources.keys()].map((id) => `source-${id}`))
  parent.children.splice(parent.children.indexOf(node), 1, list)
  return SKIP
}

function inline(node: TextDirective, ancestors: unknown[], file: VFile) {
  const parent = ancestors[ancestors.length - 1] as { children: unknown[] }
  if (node.name === 'term') {
    const label = toString(node)
    const id = node.attributes?.id ?? slugOf(label)
    file.data.references?.push({ id: `term-${id}`, kind: 'term', place: node.position?.start, written: label })
    const link = { type: 'link', url: `#term-${id}`, children: node.children, data: { hProperties: { className: ['term-link'] } } }
    parent.children.splice(parent.children.indexOf(node), 1, link)
    return SKIP
  }
  if (laterText.has(node.name)) return
  // `2:1`, `10:30` and `Note:this` parse as text directives: give the author's characters back as text.
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  const original = start !== undefined && end !== undefined ? String(file.value).slice(start, end) : `:${node.name}`
  parent.children.splice(parent.children.indexOf(node), 1, text(original))
  return SKIP
}

/** A glossary id from a term: lower case, words joined by hyphens, accents dropped. */
export function slugOf(term: string): string {
  return term
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

export type { DefinitionContent }
