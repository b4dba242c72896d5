// Handlebars through its own instance, escaping on. Only the pipeline's own HTML goes in through `{{{…}}}`;
// CSS strings go through `cssString`, which escapes for a CSS string inside a <style> element.
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import Handlebars from 'handlebars'

export type Template = (context: object) => string

/** The options every template and partial is compiled with. */
export const compileOptions = { strict: true }

/** Where `npm run compile` keeps the package's own templates precompiled (make-bundle.ts writes it). */
export const precompiledName = 'templates-precompiled.cjs'

/** A template's text and what `Handlebars.precompile` made of it with `compileOptions`. */
type Precompiled = Record<string, { source: string; spec: TemplateSpecification }>
export type TemplateSpecification = Parameters<typeof Handlebars.template>[0]
/** Precompiled templates by their text. */
export type PrecompiledTemplates = ReadonlyMap<string, TemplateSpecification>

/**
 * The package's templates as `npm run compile` precompiled them, by their text: compiling them costs a build
 * 15 ms (Handlebars parses each, writes its code and evaluates it), and precompiled code is read with the rest of
 * the command line. A template whose text is not there (edited since, or a book's own) is compiled as before.
 */
function loadPrecompiled(): PrecompiledTemplates {
  try {
    const kept = createRequire(import.meta.url)(`./${precompiledName}`) as Precompiled
    return new Map(Object.values(kept).map(({ source, spec }) => [source, spec]))
  } catch {
    return new Map()
  }
}

let packagePrecompiled: PrecompiledTemplates | undefined

/** Every `.hbs` file under `dir`: its name, its text and its precompiled specification (as JavaScript source). */
export async function precompileTemplates(dir: string): Promise<Array<{ name: string; source: string; spec: string }>> {
  const names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.hbs')).sort()
  const templates = []
  for (const name of names) {
    const source = await readFile(path.join(dir, name), 'utf8')
    templates.push({ name: name.split(path.sep).join('/'), source, spec: Handlebars.precompile(source, compileOptions) as string })
  }
  return templates
}

/**
 * A template set bound to one templates folder; compiled templates are cached per instance. `precompiled`:
 * by default the package's own (loadPrecompiled).
 */
export function createTemplates(dir: string, precompiled?: PrecompiledTemplates) {
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
  const compile = (source: string): Template => {
    const spec = (precompiled ?? (packagePrecompiled ??= loadPrecompiled())).get(source)
    return spec ? hbs.template(spec) : hbs.compile(source, compileOptions)
  }
  return {
    /** Compile `name` (relative to the templates folder) once. */
    get(name: string): Promise<Template> {
      let template = cache.get(name)
      if (!template) {
        template = readFile(path.join(dir, name), 'utf8').then(compile)
        cache.set(name, template)
      }
      return template
    },
    /**
     * Register every `partials/*.hbs` file as a partial, compiled as the templates are (a partial given as text
     * would be compiled with its caller's options, and a precompiled caller has none).
     */
    async registerPartials(names: string[]) {
      for (const name of names) hbs.registerPartial(path.basename(name, '.hbs'), compile(await readFile(path.join(dir, name), 'utf8')))
    }
  }
}

export type Templates = ReturnType<typeof createTemplates>

/** A CSS string literal, safe inside a <style> element. */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\A ').replace(/</g, '\\3C ')}"`
}
