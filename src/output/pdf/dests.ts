// The page of each named destination in a PDF as Chromium writes it (a classic cross-reference table, the
// catalog's /Dests dictionary, a page tree), read straight from the bytes. It saves loading pdfjs (about a
// third of a second of this process's time, which the print is waiting on) to learn a few page numbers;
// anything laid out otherwise gives `undefined`, and the caller asks pdfjs instead.
import { readTrailer } from './metadata.js'

const latin1 = new TextDecoder('latin1')
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Destination name → 0-based page index, and the page count; `undefined` when the file is not as expected. */
export function namedDestinations(pdf: Uint8Array): { pages: Map<string, number>; pageCount: number } | undefined {
  try {
    const text = latin1.decode(pdf)
    const { root, startxref } = readTrailer(text)
    const offsets = xrefOffsets(text, startxref)
    const body = (ref: string | number) => objectBody(text, offsets, Number(String(ref).split(' ')[0]))
    const catalog = body(root)
    const pagesRoot = /\/Pages (\d+) 0 R/.exec(catalog)?.[1]
    const destsRef = /\/Dests (\d+) 0 R/.exec(catalog)?.[1]
    if (!pagesRoot || !destsRef) return undefined
    const order = new Map<number, number>()
    const walk = (n: number, depth: number) => {
      if (depth > 32) throw new Error('page tree too deep')
      const node = body(n)
      if (/\/Type\s*\/Pages\b/.test(node)) {
        const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? ''
        for (const kid of kids.matchAll(/(\d+) 0 R/g)) walk(Number(kid[1]), depth + 1)
      } else if (/\/Type\s*\/Page\b/.test(node)) order.set(n, order.size)
      else throw new Error(`object ${n} is neither a page nor a page-tree node`)
    }
    walk(Number(pagesRoot), 0)
    const pages = new Map<string, number>()
    for (const [, name, ref] of body(destsRef).matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R/g)) {
      const index = order.get(Number(ref))
      if (index === undefined) return undefined
      pages.set(decodeName(name as string), index)
    }
    return { pages, pageCount: order.size }
  } catch {
    return undefined
  }
}

/** Object number → byte offset, from the cross-reference tables (the newest first, then each /Prev). */
function xrefOffsets(text: string, first: number): Map<number, number> {
  const offsets = new Map<number, number>()
  const seen = new Set<number>()
  for (let at: number | undefined = first; at !== undefined; ) {
    if (seen.has(at)) throw new Error('cross-reference loop')
    seen.add(at)
    const trailerAt = text.indexOf('trailer', at)
    const lines = text.slice(at, trailerAt).split(/\r?\n|\r/).map((l) => l.trim()).filter(Boolean)
    if (trailerAt < 0 || lines.shift() !== 'xref') throw new Error('no xref table')
    let number = 0
    for (const line of lines) {
      const parts = line.split(/\s+/)
      if (parts.length === 2) number = Number(parts[0])
      else {
        // A newer section has already said where this object is.
        if (parts[2] === 'n' && !offsets.has(number)) offsets.set(number, Number(parts[0]))
        number++
      }
    }
    const prev = /\/Prev (\d+)/.exec(text.slice(trailerAt, text.indexOf('startxref', trailerAt)))?.[1]
    at = prev === undefined ? undefined : Number(prev)
  }
  return offsets
}

/** What stands between `n 0 obj` and `endobj`. */
function objectBody(text: string, offsets: Map<number, number>, n: number): string {
  const at = offsets.get(n)
  const head = `${n} 0 obj`
  if (at === undefined || !text.startsWith(head, at)) throw new Error(`object ${n} not where the table says`)
  const end = text.indexOf('endobj', at)
  return text.slice(at + head.length, end < 0 ? undefined : end)
}

/** A PDF name's `#xx` escapes, as UTF-8. */
function decodeName(name: string): string {
  const bytes: number[] = []
  for (let i = 0; i < name.length; i++) {
    if (name[i] === '#' && /^[0-9a-fA-F]{2}$/.test(name.slice(i + 1, i + 3))) {
      bytes.push(parseInt(name.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(name.charCodeAt(i))
  }
  return utf8.decode(new Uint8Array(bytes))
}
