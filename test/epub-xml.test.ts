import { DOMParser } from '@xmldom/xmldom'
import type { Element } from 'hast'
import { h } from 'hastscript'
import { describe, expect, it } from 'vitest'
import { toXhtml } from '../src/output/epub/xml.js'

describe('toXhtml', () => {
  it('should close void elements in place and give every other element an end tag', () => {
    expect(toXhtml(h('p', [h('br'), h('span'), h('img', { src: 'a.png', alt: '' })]))).toBe('<p><br /><span></span><img src="a.png" alt="" /></p>')
  })

  it('should write booleans as XML allows and keep a meaningful false', () => {
    const input: Element = { type: 'element', tagName: 'input', properties: { type: 'checkbox', checked: true, disabled: false }, children: [] }
    expect(toXhtml(input)).toBe('<input type="checkbox" checked="checked" />')
    expect(toXhtml(h('span', { ariaHidden: false }))).toBe('<span aria-hidden="false"></span>')
  })

  it('should keep the attributes epub-gen-memory drops, under their HTML names', () => {
    const tree = h('div', [h('ol', { start: 3, className: ['a', 'b'], dataLines: '4', 'epub:type': 'list' }), h('tr', [h('th', { scope: 'col', colSpan: 2 })])])
    expect(toXhtml(tree)).toBe('<div><ol start="3" class="a b" data-lines="4" epub:type="list"></ol><tr><th scope="col" colspan="2"></th></tr></div>')
  })

  it('should escape text and attributes so an XML parser reads back exactly what was meant', () => {
    const title = 'a < b & "c" > d\nnext\tline'
    const words = 'x < y && z > w ]]> end\u0007'
    const xml = toXhtml(h('p', { title }, [words]))
    const parsed = new DOMParser().parseFromString(xml, 'application/xml').documentElement
    expect(parsed?.getAttribute('title')).toBe(title)
    expect(parsed?.textContent).toBe('x < y && z > w ]]> end')
  })

  it('should write nothing XML forbids: no `]]>` in text, no U+FFFE or lone surrogate, a carriage return kept', () => {
    const xml = toXhtml(h('p', { title: 'a\r\nb\uFFFE' }, ['c ]]> d\uFFFF \uD800e 😀 \uFDD1']))
    expect(xml).toBe('<p title="a&#13;&#10;b">c ]]&gt; d e 😀 </p>')
    expect(new DOMParser().parseFromString(xml, 'application/xml').documentElement?.getAttribute('title')).toBe('a\r\nb')
  })

  it('should drop comments and refuse raw HTML', () => {
    expect(toXhtml({ type: 'root', children: [{ type: 'comment', value: 'x' }, { type: 'text', value: 'y' }] })).toBe('y')
    expect(() => toXhtml({ type: 'root', children: [{ type: 'raw', value: '<b>' }] })).toThrow(/Raw HTML/)
  })
})
