// citation-js 0.8 ships no types; only the parts this project calls are declared.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string })
    data: unknown[]
    format(format: 'bibliography' | 'citation', options?: Record<string, unknown>): unknown
  }
  export const plugins: {
    config: {
      get(name: '@csl'): {
        styles: { add(name: string, xml: string): void; has(name: string): boolean }
        engine(data: unknown[], style: string, lang: string, format: string): { opt: { class: string } }
      }
    }
  }
}
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-csl'
