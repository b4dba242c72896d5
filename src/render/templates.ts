// Handlebars through its own instance, escaping on. Only the pipeline's own HTML goes in through `{{{…}}}`;
// CSS strings go through `cssString`, which escapes for a CSS string inside a <style> element.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import Handlebars from 'handlebars'
import { locate } from '../core/paths.js'

export type Template = (context: object) => string

/** The options every template and partial is compiled with. */
const compileOptions = { strict: true }

/**
 * A template set bound to templates folders, each file looked up in turn (a guide's own folder first, then the
 * package's); compiled templates are cached per instance.
 */
export function createTemplates(dirs: string | readonly string[]) {
  const folders = typeof dirs === 'string' ? [dirs] : dirs
  const hbs = Handlebars.create()
  hbs.registerHelper('cssString', (value: unknown) => new hbs.SafeString(cssString(String(value ?? ''))))
  hbs.registerHelper('join', (list: unknown, separator: unknown) =>
    Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : ''
  )
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b)
  hbs.registerHelper('times', (count: unknown, options: Handlebars.HelperOptions) => {
    let out = ''
    for (let i = 0; i < Number(count); i++) out += options.fn({ index: i })
    return out
  })
  const cache = new Map<string, Promise<Template>>()
  const texts = new Map<string, Template>()
  const compile = (source: string): Template => hbs.compile(source, compileOptions)
  return {
    /** Compile `name` (relative to the templates folder) once. */
    get(name: string): Promise<Template> {
      let template = cache.get(name)
      if (!template) {
        template = readFile(locate(folders, name), 'utf8').then(compile)
        cache.set(name, template)
      }
      return template
    },
    /** Plain text from a short template given as text (a label with fields): unescaped, for the caller to escape where it goes. */
    text(source: string, context: object): string {
      let template = texts.get(source)
      if (!template) texts.set(source, (template = hbs.compile(source, { ...compileOptions, noEscape: true })))
      return template(context)
    },
    /** Register each of `names` (e.g. `partials/cover.hbs`) as a partial under its base name. */
    async registerPartials(names: string[]) {
      for (const name of names) hbs.registerPartial(path.basename(name, '.hbs'), compile(await readFile(locate(folders, name), 'utf8')))
    }
  }
}

export type Templates = ReturnType<typeof createTemplates>

/** A CSS string literal, safe inside a <style> element. */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\A ').replace(/</g, '\\3C ')}"`
}
