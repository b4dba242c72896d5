import { describe, expect, it } from 'vitest'
import { imagePack } from '../src/output/epub/images.js'

describe('imagePack', () => {
  it('should name an image by its place in the project, the same wherever the project sits', () => {
    const here = imagePack('/home/a/book')
    const there = imagePack('/srv/ci/clone')
    expect(here.href('file:///home/a/book/chapters/images/Film%20Still.PNG')).toBe(there.href('file:///srv/ci/clone/chapters/images/Film%20Still.PNG'))
    expect(here.href('file:///home/a/book/chapters/images/Film%20Still.PNG')).toMatch(/^images\/film-still-[0-9a-f]{8}\.png$/)
  })

  it('should register each file once, in first use, with its media type and whether it is the cover', () => {
    const pack = imagePack('/book')
    const cover = pack.href('file:///book/cover.jpg', true)
    pack.href('file:///book/chapters/images/a.svg')
    pack.href('file:///book/cover.jpg')
    expect(pack.images().map((i) => [`images/${i.id}.${i.extension}`, i.mediaType, i.cover])).toEqual([
      [cover, 'image/jpeg', true],
      [expect.stringMatching(/^images\/a-[0-9a-f]{8}\.svg$/), 'image/svg+xml', false]
    ])
  })

  it('should tell apart two files of the same name in different folders', () => {
    const pack = imagePack('/book')
    expect(pack.href('file:///book/a/still.png')).not.toBe(pack.href('file:///book/b/still.png'))
  })

  it('should refuse what cannot be packed from the project or shown by every reader', () => {
    expect(() => imagePack('/book').href('https://example.org/a.png')).toThrow(/not a local file/)
    expect(() => imagePack('/book').href('file:///book/a.webp')).toThrow(/\.webp files are not shown by every reader/)
  })
})
