// The guide's block constructs with synthetic content, each returning its Markdown. Prose inside them that the
// build counts as running text (callout items, quotations, spoilers, definitions, questions, activities) is
// added to `words`, so the chapter's word budget stays exact.
import { sentence, sentences, titleWords, wordCount } from './prose.js'
import type { Random } from './random.js'

/** What the blocks of one chapter share: the word count so far, the notes to print at the end, citations. */
export interface BlockState {
  r: Random
  words: number
  notes: string[]
  /** The next source ids to cite. */
  cite: () => string[]
}

/** `:cite[…]` for `ids`. */
export function citeMark(ids: string[]): string {
  return `:cite[${ids.join(',')}]`
}

/** Count `text` as running prose and return it. */
export function counted(state: BlockState, text: string): string {
  state.words += wordCount(text)
  return text
}

/** A GFM footnote: the marker is returned, the definition waits for the chapter's end. */
export function footnote(state: BlockState): string {
  const label = state.notes.length + 1
  state.notes.push(`[^${label}]: ${sentence(state.r)}.`)
  return `[^${label}]`
}

export function table(state: BlockState): string {
  const { r } = state
  const rows = Array.from({ length: 4 }, () => `| ${titleWords(r, 2)} | ${r.int(1950, 2015)} | ${citeMark(state.cite())} |`)
  return ['| Item | Year | Source |', '| :--- | ---: | :----: |', ...rows].join('\n')
}

export function callout(state: BlockState): string {
  const items = [1, 2].map(() => `- ${counted(state, sentence(state.r))} ${citeMark(state.cite())}`)
  return [':::callout{title="Key facts"}', ...items, ':::'].join('\n')
}

export function quote(state: BlockState): string {
  const speaker = state.r.pick(['A critic', 'The director', 'A reviewer', 'The narrator'])
  return [`:::quote{speaker="${speaker}" source="${state.cite()[0]}"}`, `${counted(state, sentence(state.r))}.`, ':::'].join('\n')
}

export function spoiler(state: BlockState): string {
  return [':::spoiler{about="the ending"}', `${counted(state, sentences(state.r, 30).join('. '))} ${citeMark(state.cite())}.`, ':::'].join('\n')
}

export function definition(state: BlockState, term: { term: string; id: string }): string {
  const body = `${counted(state, sentences(state.r, 25).join('. '))} ${citeMark(state.cite())}.`
  return [`:::definition{term="${term.term}" id="${term.id}"}`, body, ':::'].join('\n')
}

export function question(state: BlockState): string {
  const { r } = state
  const answer = `${counted(state, sentences(r, 25).join('. '))}.`
  return [`::::question{lines=${r.int(3, 10)}}`, `${counted(state, sentence(r))}?`, '', ':::answer', answer, ':::', '::::'].join('\n')
}

export function activity(state: BlockState): string {
  const { r } = state
  const head = `::::activity{title="${titleWords(r, 3)}" minutes=${r.int(2, 8) * 5}}`
  const teacher = `${counted(state, sentences(r, 20).join('. '))}.`
  return [head, `${counted(state, sentences(r, 20).join('. '))}.`, '', ':::teacher', teacher, ':::', '::::'].join('\n')
}
