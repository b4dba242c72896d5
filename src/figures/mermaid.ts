// Mermaid diagrams drawn once, at build time, in the Chromium the build already runs: Mermaid's published
// browser bundle in a blank page with the guide's fonts, labels as SVG text (no `foreignObject`), a grayscale
// palette. Each drawing is kept under the project's `node_modules/.cache/nlmg/diagrams/`, named by the hash of
// everything it depends on, so an unchanged diagram is never drawn again and a rebuild writes the same bytes.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { BrowserSession } from '../browser/browser.js'
import { commitOutputs } from '../core/write.js'
import { fontFaces } from '../render/fonts.js'

const require = createRequire(import.meta.url)

/** The published browser bundle (the package exports every file of its folder). */
const bundle = () => require.resolve('mermaid/dist/mermaid.min.js')
const version = () => (require('mermaid/package.json') as { version: string }).version

/** One configuration for every diagram: text labels, our families, black on white and greys (meaning never rests on colour). */
export const mermaidConfig = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'base',
  htmlLabels: false,
  flowchart: { htmlLabels: false },
  fontFamily: '"Source Sans 3", sans-serif',
  // Note: Mermaid draws an edge label's background half transparent, so the line shows through the words.
  themeCSS: '.edgeLabel rect { opacity: 1 !important; }',
  themeVariables: {
    fontFamily: '"Source Sans 3", sans-serif',
    fontSize: '15px',
    background: '#ffffff',
    primaryColor: '#ffffff',
    primaryTextColor: '#000000',
    primaryBorderColor: '#000000',
    secondaryColor: '#e6e6e6',
    tertiaryColor: '#f2f2f2',
    lineColor: '#000000',
    textColor: '#000000',
    edgeLabelBackground: '#ffffff',
    clusterBkg: '#f2f2f2',
    clusterBorder: '#555555'
  }
} as const

/** A diagram's cache key: its source, Mermaid's version and the configuration. */
export function diagramHash(source: string): string {
  return createHash('sha256').update(JSON.stringify([version(), mermaidConfig, source])).digest('hex').slice(0, 16)
}

/** What drawing a diagram gave: its SVG, or Mermaid's own message. */
export type Drawn = { svg: string } | { error: string }

export interface DiagramCache {
  dir: string
}

/** The drawings of `sources` (by hash) already in the cache. */
export async function cachedDiagrams(cache: DiagramCache, hashes: Iterable<string>): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (const hash of hashes) {
    const svg = await readFile(path.join(cache.dir, `${hash}.svg`), 'utf8').catch(() => undefined)
    if (svg !== undefined) found.set(hash, svg)
  }
  return found
}

/** Draw every diagram of `pending` (hash → source) in one blank page; drawings go to the cache, errors come back. */
export async function drawDiagrams(browser: BrowserSession, cache: DiagramCache, pending: Map<string, string>): Promise<Map<string, Drawn>> {
  const guarded = await browser.newPage([path.dirname(bundle())], { script: true })
  try {
    const { page } = guarded
    await page.addScriptTag({ path: bundle() })
    const fonts = await Promise.all(fontFaces().map(async (f) => ({ family: f.family, weight: String(f.weight), style: f.style, data: (await readFile(f.woff2)).toString('base64') })))
    await page.evaluate(async (list) => {
      for (const f of list) {
        const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))
        const face = new FontFace(f.family, bytes, { weight: f.weight, style: f.style })
        document.fonts.add(await face.load())
      }
    }, fonts)
    const drawn = new Map<string, Drawn>()
    for (const [hash, source] of pending) {
      const result = await page.evaluate(drawOne, `d${hash}`, source, mermaidConfig as never)
      drawn.set(hash, result)
      if ('svg' in result) await commitOutputs(cache.dir, [{ path: `${hash}.svg`, data: result.svg }])
    }
    return drawn
  } finally {
    await guarded.page.close()
  }
}

/** Runs in the page: Mermaid's verdict on one diagram. */
async function drawOne(id: string, source: string, config: object): Promise<Drawn> {
  const mermaid = (globalThis as unknown as { mermaid: { initialize(c: object): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid
  mermaid.initialize(config)
  try {
    return { svg: (await mermaid.render(id, source)).svg }
  } catch (error) {
    return { error: String((error as Error)?.message ?? error) }
  } finally {
    document.getElementById(id)?.remove()
    document.getElementById(`d${id}`)?.remove()
  }
}
