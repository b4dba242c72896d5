import { describe, expect, it } from 'vitest'
import { editionIdentifier } from '../src/output/epub/identifier.js'

describe('editionIdentifier', () => {
  it('should keep the book’s identifier for the student edition', () => {
    expect(editionIdentifier('urn:uuid:6f1c2b7e-3d4a-4e8b-9c51-2a7d0e5f8b13', 'student')).toBe('urn:uuid:6f1c2b7e-3d4a-4e8b-9c51-2a7d0e5f8b13')
    expect(editionIdentifier('urn:isbn:9780000000002')).toBe('urn:isbn:9780000000002')
  })

  it('should derive the teacher edition’s as a version 5 UUID named in the book’s UUID', () => {
    // Python: uuid.uuid5(uuid.UUID('6f1c2b7e-3d4a-4e8b-9c51-2a7d0e5f8b13'), 'teacher')
    expect(editionIdentifier('urn:uuid:6F1C2B7E-3D4A-4E8B-9C51-2A7D0E5F8B13', 'teacher')).toBe('urn:uuid:e1396f25-56ac-5ed0-ad15-a6c63997a9bc')
  })

  it('should suffix an identifier that is not a UUID', () => {
    expect(editionIdentifier('https://example.org/guide', 'teacher')).toBe('https://example.org/guide-teacher')
  })
})
