// One synthetic chapter in the guide's Markdown: every construct the guide uses (sections and sub-sections,
// footnotes, a table, a callout, a quotation, a spoiler, a definition and a term, a question with its answer,
// an activity with its teacher note, a cross-reference, an image), and every paragraph cited.
import { slug } from 'github-slugger'
import { stringify } from 'yaml'
import { activity, callout, citeMark, counted, definition, footnote, question, quote, spoiler, table, type BlockState } from './blocks.js'
import { sentence, sentences, titleWords, wordCount } from './prose.js'
import { createRandom, type Random } from './random.js'

/** What a chapter must contain, decided for the whole book before any chapter is written. */
export interface ChapterPlan {
  number: number
  file: string
  slug: string
  title: string
  /** `##` section titles, in order (the last one holds the questions). */
  sections: string[]
  /** This chapter's glossary term and its id. */
  term: { term: string; id: string }
  /** Running-prose words to write, counted as the build counts them. */
  words: number
  /** Sources this chapter must cite at least once (so that every source is used). */
  owned: string[]
  /** Every source id, for further citations. */
  sources: string[]
  /** The chapter before, for a cross-reference and a term link. */
  previous?: ChapterPlan
  /** Whether the book's bibliography (`::sources`) closes this chapter. */
  last: boolean
  seed: number
}

/** Ordinary paragraphs per chapter: what the blocks leave of the word budget is shared among them. */
const paragraphSlots = 15

/** Inline text joined to a paragraph's first sentence: its Markdown, and the words a reader sees. */
interface Extra {
  markup: string
  text: string
}

/** The chapter's Markdown and the running-prose words it holds. */
export function chapterMarkdown(plan: ChapterPlan): { markdown: string; words: number } {
  const r = createRandom(plan.seed, plan.number, 2)
  const owned = [...plan.owned]
  const state: BlockState = { r, words: 0, notes: [], cite: () => citation(r, owned, plan.sources) }
  // Blocks first, so the paragraphs can share exactly what they leave of the budget.
  const fixed = {
    table: table(state),
    callout: callout(state),
    quote: quote(state),
    spoiler: spoiler(state),
    definition: definition(state, plan.term),
    question: question(state),
    activity: activity(state)
  }
  let slots = paragraphSlots
  const para = (extra?: Extra) => {
    const share = Math.max(4, (plan.words - state.words) / Math.max(1, slots--))
    return paragraph(state, Math.round(slots <= 0 ? share : share * (0.6 + r.next() * 0.8)), extra)
  }
  const note = () => ({ markup: footnote(state), text: '' })
  const [s1, s2, s3, s4] = plan.sections
  const image = plan.number % 10 === 1 ? ['![A grey-blue gradient standing in for a film still](images/still.png)'] : []
  const blocks = [
    frontMatter(r, plan),
    para(),
    `## ${s1}`, para(), para(note()), fixed.table, para(),
    `### ${titleWords(r)}`, para(), para(), fixed.callout,
    `## ${s2}`, para(), fixed.quote, para(crossReference(plan)), para(),
    `### ${titleWords(r)}`, para(), ...image, para(termLink(plan)),
    `## ${s3}`, para(), fixed.spoiler, para(note()), fixed.definition,
    `### ${titleWords(r)}`, para(), para(),
    `## ${s4}`, fixed.question, fixed.activity,
    ...(plan.last ? ['## Bibliography', '::sources'] : []),
    ...state.notes
  ]
  return { markdown: `${blocks.join('\n\n')}\n`, words: state.words }
}

function frontMatter(r: Random, plan: ChapterPlan): string {
  const matter: Record<string, unknown> = {
    title: plan.title,
    description: `${sentence(r)}.`,
    spoilers: (['none', 'premise', 'full'] as const)[plan.number % 3],
    factual: true
  }
  if (plan.number % 10 === 0) matter.handout = { viewing: 'after', keyPoints: [1, 2, 3].map(() => `${sentence(r)}.`), keyTerms: [plan.term.id] }
  return `---\n${stringify(matter).trimEnd()}\n---`
}

/** Owned sources first, in order; then any source, now and then two at once. */
function citation(r: Random, owned: string[], all: string[]): string[] {
  const first = owned.shift() ?? r.pick(all)
  const second = r.chance(0.2) ? r.pick(all) : first
  return second === first ? [first] : [first, second]
}

/** Cited prose of about `words` words; `extra` (a link, a term, a note marker) joins its first sentence. */
function paragraph(state: BlockState, words: number, extra?: Extra): string {
  const list = sentences(state.r, words).map((s) => counted(state, s))
  if (extra) {
    state.words += wordCount(extra.text)
    list[0] = `${list[0]}${extra.markup}`
  }
  const middle = list.length > 3 ? Math.floor(list.length / 2) : -1
  return list.map((s, i) => (i === list.length - 1 || i === middle ? `${s} ${citeMark(state.cite())}.` : `${s}.`)).join(' ')
}

function crossReference(plan: ChapterPlan): Extra | undefined {
  const target = plan.previous
  if (!target) return undefined
  const name = target.title.toLowerCase()
  return { markup: `, as [${name}](${target.file}#${slug(target.sections[0] ?? '')}) shows`, text: `, as ${name} shows` }
}

function termLink(plan: ChapterPlan): Extra {
  const { term, id } = (plan.previous ?? plan).term
  const text = `, which the glossary calls ${term.toLowerCase()}`
  return { markup: `, which the glossary calls :term[${term.toLowerCase()}]{id="${id}"}`, text }
}
