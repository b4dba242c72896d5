// A chapter's bytes as text, or why they are not Markdown: a NUL byte means a binary file, bytes that are not
// UTF-8 mean another encoding. Either would otherwise parse into garbage (or U+FFFD) without a word.
const utf8 = new TextDecoder('utf-8', { fatal: true })
const lossy = new TextDecoder('utf-8')

export interface Place {
  line: number
  column: number
}

export type ChapterText = { text: string } | { reason: string; ruleId: string; place: Place }

/** Decode `bytes` as UTF-8 (a byte order mark is dropped) or say, with the place, why they cannot be a chapter. */
export function decodeChapter(bytes: Uint8Array): ChapterText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { reason: 'is UTF-16 text: save it as UTF-8', ruleId: 'encoding', place: { line: 1, column: 1 } }
  }
  const nul = bytes.indexOf(0)
  if (nul >= 0) {
    const place = placeOf(bytes, nul)
    return { reason: `holds a NUL byte at ${place.line}:${place.column}: it is a binary file, not Markdown text`, ruleId: 'binary-file', place }
  }
  try {
    return { text: utf8.decode(bytes) }
  } catch {
    const offset = firstInvalidByte(bytes)
    const place = placeOf(bytes, offset)
    const byte = `0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`
    return { reason: `is not UTF-8 text (byte ${byte} at ${place.line}:${place.column}): save it as UTF-8`, ruleId: 'encoding', place }
  }
}

/** Line and column (1-based, in characters) of byte `offset`. */
function placeOf(bytes: Uint8Array, offset: number): Place {
  const before = lossy.decode(bytes.subarray(0, offset))
  const lineStart = before.lastIndexOf('\n') + 1
  let line = 1
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++
  return { line, column: before.length - lineStart + 1 }
}

/** Offset of the first byte the lossy decoder had to replace (a U+FFFD that was not written as such). */
function firstInvalidByte(bytes: Uint8Array): number {
  const text = lossy.decode(bytes)
  let byteOffset = 0
  let counted = 0
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
    byteOffset += Buffer.byteLength(text.slice(counted, i))
    counted = i
    const written = bytes[byteOffset] === 0xef && bytes[byteOffset + 1] === 0xbf && bytes[byteOffset + 2] === 0xbd
    if (!written) return byteOffset
  }
  return 0
}
