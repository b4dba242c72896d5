import type { Root } from 'hast'
import { h } from 'hastscript'
import { describe, expect, it } from 'vitest'
import { epubTree } from '../src/output/epub/hast.js'
import { toXhtml } from '../src/output/epub/xml.js'

const options = {
  filename: 'plot.xhtml',
  pageOf: new Map([['themes-memory', 'themes.xhtml'], ['plot-ending', 'plot.xhtml']]),
  imageHref: (url: string) => `images/${url.split('/').pop()}`
}
const epub = (tree: Root) => toXhtml(epubTree(tree, options))

describe('epubTree', () => {
  it('should point links at ids in other chapters to their file and leave the rest', () => {
    const tree = h(null, [h('a', { href: '#themes-memory' }, 'a'), h('a', { href: '#plot-ending' }, 'b'), h('a', { href: 'https://example.org/#x' }, 'c')])
    expect(epub(tree)).toBe('<a href="themes.xhtml#themes-memory">a</a><a href="#plot-ending">b</a><a href="https://example.org/#x">c</a>')
  })

  it('should give table cells their alignment as a style and header cells their scope', () => {
    const tree = h(null, [h('table', [h('thead', [h('tr', [h('th', { align: 'right' }, 'N')])]), h('tbody', [h('tr', [h('td', { align: 'center', style: 'color: red' }, '1')])])])])
    expect(epub(tree)).toBe('<table><thead><tr><th style="text-align: right" scope="col">N</th></tr></thead><tbody><tr><td style="color: red; text-align: center">1</td></tr></tbody></table>')
  })

  it('should point images at their packed copies and keep an empty alternative text empty', () => {
    expect(epub(h(null, [h('img', { src: 'file:///book/chapters/images/rule.png', alt: '' })]))).toBe('<img src="images/rule.png" alt="" />')
  })

  it('should label a task item’s checkbox with the item’s words, up to a nested list', () => {
    const tree = h(null, [h('li', [h('input', { type: 'checkbox', checked: true, disabled: true }), ' Done ', h('em', 'well'), h('ul', [h('li', 'sub')])])])
    expect(epub(tree)).toBe('<li><label><input type="checkbox" checked="checked" disabled="disabled" /> Done <em>well</em></label><ul><li>sub</li></ul></li>')
  })

  it('should work on a copy, leaving the print tree untouched', () => {
    const tree = h(null, [h('td', { align: 'left' }, 'x')])
    const before = structuredClone(tree)
    epubTree(tree, options)
    expect(tree).toEqual(before)
  })
})
