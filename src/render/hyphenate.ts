// Soft hyphens for print: headless Chromium does not hyphenate by itself (`hyphens: auto` is off on Linux),
// so running text gets U+00AD at every break the language's patterns allow. Only the PDF gets them; the EPUB
// leaves hyphenation to the reader.
import { createRequire } from 'node:module'
import { hasClass } from '../core/hast-class.js'
import type { Element, Root } from 'hast'
import { SKIP, visit } from 'unist-util-visit'

const require = createRequire(import.meta.url)
type Hyphenate = (text: string, options: { hyphenChar: string; minWordLength: number }) => string

/** Elements whose text is prose; headings, labels, code and links keep their words whole. */
const prose = new Set(['p', 'li', 'td', 'dd', 'blockquote', 'figcaption'])
const whole = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'code', 'pre', 'kbd', 'dfn', 'strong'])

/** The hyphenator for a BCP 47 tag (en-GB, en-US, de…), or undefined when the package has no patterns for it. */
export function hyphenatorFor(language: string): ((word: string) => string) | undefined {
  const tags = [language.toLowerCase(), language.toLowerCase().split('-')[0] as string]
  for (const tag of tags) {
    try {
      const { hyphenateSync } = require(`hyphen/${tag}`) as { hyphenateSync: Hyphenate }
      const cache = new Map<string, string>()
      return (text) => {
        let result = cache.get(text)
        if (result === undefined) {
          result = hyphenateSync(text, { hyphenChar: '\u00AD', minWordLength: 7 })
          cache.set(text, result)
        }
        return result
      }
    } catch {
      // No patterns for this tag: try the next, shorter one.
    }
  }
  return undefined
}

/** Insert soft hyphens into the prose text of `tree`, in place. */
export function hyphenateTree(tree: Root, hyphenate: (word: string) => string): Root {
  // A capitalised word is taken for a name (Shelley, Geneva): a name is never broken, in print or in search.
  const hyphenateCommon = (word: string) => (/^\p{Lu}/u.test(word) ? word : hyphenate(word))
  visit(tree, 'element', (node: Element) => {
    if (whole.has(node.tagName) || hasClass(node, 'block-label')) return SKIP
    if (!prose.has(node.tagName)) return
    visit(node, (child, _index, parent) => {
      if (child.type === 'element' && (whole.has(child.tagName) || hasClass(child, 'block-label'))) return SKIP
      if (child.type === 'text' && parent) child.value = child.value.replace(/[\p{L}’']{7,}/gu, hyphenateCommon)
    })
    return SKIP
  })
  return tree
}

