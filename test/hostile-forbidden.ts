// What must never reach a chapter's HTML, judged on the hast tree the processor returns: elements that run
// code, embed or submit anything, attributes that handle events or style, and URLs that run code or load a
// file or a page from outside the project.
import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'

const forbiddenTags = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'button', 'select',
  'textarea', 'meta', 'base', 'link', 'svg', 'math', 'template', 'noscript', 'video', 'audio', 'source',
  'picture', 'track', 'portal', 'image'
])

/** Properties whose value is a URL something may follow or load. */
const urlProperties = new Set(['href', 'src', 'srcSet', 'action', 'formAction', 'cite', 'longDesc', 'poster', 'background', 'data', 'xLinkHref', 'ping', 'manifest', 'codeBase', 'useMap'])

/** Every forbidden construct in `tree`, one line each; `projectRoot` is where images may come from. */
export function forbidden(tree: Root, projectRoot: string): string[] {
  const found: string[] = []
  visit(tree, 'element', (node: Element) => {
    if (forbiddenTags.has(node.tagName.toLowerCase())) found.push(`<${node.tagName}>`)
    if (node.tagName === 'input' && !(node.properties.type === 'checkbox' && node.properties.disabled === true)) found.push('<input> that is not a disabled checkbox')
    for (const [key, value] of Object.entries(node.properties)) {
      if (value === null || value === undefined || value === false) continue
      if (/^on/i.test(key)) found.push(`${key} on <${node.tagName}>`)
      if (key.toLowerCase() === 'style') found.push(`style on <${node.tagName}>`)
      if (urlProperties.has(key)) found.push(...badUrl(node.tagName, key, String(value), projectRoot))
    }
  })
  return found
}

function badUrl(tagName: string, key: string, value: string, projectRoot: string): string[] {
  // Browsers drop ASCII whitespace and control characters inside a scheme: `java\tscript:` runs.
  const url = value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase()
  if (tagName === 'img' && key === 'src') {
    return url.startsWith(`file://${projectRoot.toLowerCase()}/`) && !url.includes('/../') ? [] : [`<img src="${value}">`]
  }
  if (key === 'href' && tagName === 'a') {
    const ok = url.startsWith('#') || url.startsWith('http://') || url.startsWith('https://') || url.startsWith('mailto:')
    return ok ? [] : [`<a href="${value}">`]
  }
  return /^(javascript|vbscript|data|file):/.test(url) || url.startsWith('//') ? [`${key}="${value}" on <${tagName}>`] : []
}
