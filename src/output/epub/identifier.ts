// Each edition is its own book to a reader's library: two EPUBs with one identifier are taken for versions of
// the same book, and one replaces the other. The student edition keeps the book's identifier; the teacher
// edition gets one derived from it, the same on every build.
import { createHash } from 'node:crypto'
import type { Edition } from '../../project/schema.js'

const uuidUrn = /^urn:uuid:([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/i

/** The identifier of `edition` of the book whose identifier is `identifier`. */
export function editionIdentifier(identifier: string, edition?: Edition): string {
  if (edition === undefined || edition === 'student') return identifier
  const match = uuidUrn.exec(identifier)
  if (!match) return `${identifier}-${edition}`
  return `urn:uuid:${uuidV5(Buffer.from(match.slice(1).join(''), 'hex'), edition)}`
}

/** A name-based UUID (RFC 9562, version 5) for `name` in the namespace `namespace`. */
function uuidV5(namespace: Buffer, name: string): string {
  const bytes = createHash('sha1').update(namespace).update(name).digest().subarray(0, 16)
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
