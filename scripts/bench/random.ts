// A small seeded generator (mulberry32), so that a synthetic book is the same bytes on every run and machine:
// timings then compare like with like.

export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** A whole number in [min, max]. */
  int(min: number, max: number): number
  /** One element of `list`. */
  pick<T>(list: readonly T[]): T
  /** True with probability `p`. */
  chance(p: number): boolean
}

/** A generator seeded from any number of integers (book seed, chapter number, …). */
export function createRandom(...seeds: number[]): Random {
  let state = seeds.reduce((h, s) => Math.imul(h ^ s, 0x9e3779b1) >>> 0, 0x811c9dc5)
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)] as (typeof list)[number],
    chance: (p) => next() < p
  }
}
