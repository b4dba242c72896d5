// Deterministic prose: sentences of one to three clauses (from four words to about forty), built from the
// vocabulary in words.ts, so paragraphs wrap, justify and paginate like written text.
import { measure } from '#src/transform/stats.js'
import type { Random } from './random.js'
import { adjectives, adverbs, conjunctions, determiners, names, nouns, openers, prepositions, verbs } from './words.js'

/** Words in `text`, counted exactly as the build's statistics count them. */
export function wordCount(text: string): number {
  return measure([text]).words
}

/** A sentence without its closing full stop (so that a citation can go before it). */
export function sentence(r: Random): string {
  const clauses = r.chance(0.4) ? 1 : r.chance(0.65) ? 2 : 3
  let text = r.chance(0.3) ? `${r.pick(openers)}, ${clause(r)}` : clause(r)
  for (let i = 1; i < clauses; i++) text += `, ${r.pick(conjunctions)} ${clause(r)}`
  return fixArticles(text.charAt(0).toUpperCase() + text.slice(1))
}

/** Sentences adding up to about `words` words (stopping at the nearer side of the target); at least one. */
export function sentences(r: Random, words: number): string[] {
  const out: string[] = []
  let count = 0
  for (;;) {
    const next = sentence(r)
    const n = wordCount(next)
    if (out.length > 0 && count + n - words > words - count) return out
    out.push(next)
    count += n
    if (count >= words) return out
  }
}

/** Two or three capitalised words, for titles and headings. */
export function titleWords(r: Random, count = 2): string {
  const words = [r.pick(adjectives), ...Array.from({ length: count - 1 }, () => r.pick(nouns))]
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ')
}

function clause(r: Random): string {
  const subject = r.chance(0.2) ? r.pick(names) : nounPhrase(r)
  const place = r.chance(0.35) ? ` ${prepositionalPhrase(r)}` : ''
  switch (r.int(0, 3)) {
    case 0:
      return `${subject} ${r.pick(verbs)} ${nounPhrase(r)}${place}`
    case 1:
      return `${subject} ${r.pick(adverbs)} ${r.pick(verbs)} ${nounPhrase(r)}${place}`
    case 2:
      return `${subject} is ${r.chance(0.5) ? `${r.pick(adverbs)} ` : ''}${r.pick(adjectives)}${place}`
    default:
      return `${subject} ${r.pick(verbs)} ${nounPhrase(r)} in ${r.int(1950, 2015)}`
  }
}

function nounPhrase(r: Random): string {
  const adjective = r.chance(0.5) ? `${r.pick(adjectives)} ` : ''
  const of = r.chance(0.2) ? ` of ${r.pick(determiners)} ${r.pick(nouns)}` : ''
  return `${r.pick(determiners)} ${adjective}${r.pick(nouns)}${of}`
}

function prepositionalPhrase(r: Random): string {
  return `${r.pick(prepositions)} the ${r.chance(0.4) ? `${r.pick(adjectives)} ` : ''}${r.pick(nouns)}`
}

/** "a" before a vowel becomes "an", as a writer would have it. */
function fixArticles(text: string): string {
  return text
    .split(' ')
    .map((word, i, all) => ((word === 'a' || word === 'A') && /^[aeiou]/i.test(all[i + 1] ?? '') ? `${word}n` : word))
    .join(' ')
}
