import { describe, expect, it } from 'vitest'
import { matter, processChapter } from './helpers.js'

describe('remarkLinks and remarkHeadings', () => {
  it('should give headings book-wide ids and add the title as h1', async () => {
    const { html, file } = await processChapter(`${matter()}## Memory and loss\n\n## Memory and loss\n`, { slug: 'themes' })
    expect(html).toContain('<h1 id="themes">A Chapter</h1>')
    expect(html).toContain('<h2 id="themes-memory-and-loss">Memory and loss</h2>')
    expect(html).toContain('<h2 id="themes-memory-and-loss-1">')
    expect(file.data.headings?.map((h) => h.id)).toEqual(['themes-memory-and-loss', 'themes-memory-and-loss-1'])
  })

  it('should rewrite chapter links to book-wide anchors and record them', async () => {
    const { html, file } = await processChapter(`${matter()}See [plot](03-plot.md#the-cottages), [all](03-plot.md) and [here](#intro).\n`, { slug: 'themes' })
    expect(html).toContain('<a href="#plot-the-cottages">plot</a>')
    expect(html).toContain('<a href="#plot">all</a>')
    expect(html).toContain('<a href="#themes-intro">here</a>')
    expect(file.data.references?.map((r) => r.id)).toEqual(['plot-the-cottages', 'plot', 'themes-intro'])
  })

  it('should refuse links that are neither chapters nor web addresses', async () => {
    const { errors } = await processChapter(`${matter()}[a](javascript:alert(1)) [b](../../etc/passwd)\n`)
    expect(errors).toEqual(['7:1 link-target', '7:26 link-target'])
  })

  it('should refuse images outside the project, remote or without alternative text', async () => {
    const { errors } = await processChapter(`${matter()}![x](../../../../etc/passwd) ![y](https://example.org/a.png) ![](images/still.png)\n`)
    expect(errors).toEqual(['7:1 image-outside', '7:30 image-remote', '7:62 image-alt'])
  })

  it('should turn a local image into a file URL', async () => {
    const { html, file } = await processChapter(`${matter()}![A still](images/still.png)\n`)
    expect(html).toMatch(/<img src="file:\/\/\/.*\/images\/still\.png" alt="A still">/)
    expect(file.data.images).toHaveLength(1)
  })
})
