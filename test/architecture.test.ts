// The layout is the architecture: src/ holds only entry points at its top, each stage's folder imports only the
// stages below it (type imports and dynamic imports included), the import graph has no circle, no file runs
// past 250 lines, and nothing reaches into a package's private files.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { root } from './helpers.js'

/** The stages, lowest first (docs/ARCHITECTURE.md): a file may import its own stage and those before it. */
const stages = ['core', 'project', 'markdown', 'transform', 'chapter', 'book', 'render', 'browser', 'figures', 'output', 'build', 'dev', 'cli']
const src = path.join(root, 'src')
const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(src, f))

/** Every module a file imports, relative ones resolved to their .ts file. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
  const specifiers = info.importedFiles.map((i) => i.fileName)
  const local = specifiers.filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s.replace(/\.js$/, '.ts')))
  return { local, packages: specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('node:')) }
}

/** A file's stage: its first folder under src/ (the entry points above every stage). */
function stageOf(file: string): number {
  const [first, second] = path.relative(src, file).split(path.sep)
  return second === undefined ? stages.length : stages.indexOf(first as string)
}

describe('the layout of src/', () => {
  it('should hold no source file at its top level but the entry points', () => {
    expect(readdirSync(src).filter((f) => f.endsWith('.ts')).sort()).toEqual(['cli.ts', 'index.ts'])
  })

  it('should put every other file in a known stage folder', () => {
    expect(files.filter((f) => stageOf(f) === -1).map((f) => path.relative(root, f))).toEqual([])
  })

  it('should import only from the same stage or one below it, type imports included', () => {
    const upward = files.flatMap((file) =>
      importsOf(file).local.filter((target) => stageOf(target) > stageOf(file)).map((target) => `${path.relative(src, file)} -> ${path.relative(src, target)}`)
    )
    expect(upward).toEqual([])
  })

  it('should have no circle in its import graph', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f).local]))
    const circles: string[] = []
    const state = new Map<string, 'open' | 'done'>()
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return
      if (state.get(file) === 'open') return void circles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(src, f)).join(' -> '))
      state.set(file, 'open')
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file])
      state.set(file, 'done')
    }
    for (const file of files) visit(file, [])
    expect(circles).toEqual([])
  })

  it('should keep every file under 250 lines', () => {
    const long = files.map((f) => [path.relative(src, f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, lines]) => lines > 250)
    expect(long).toEqual([])
  })

  it('should import no package through its private files', () => {
    const privateImports = files.flatMap((file) => importsOf(file).packages.filter((s) => /^(@[^/]+\/)?[^@/][^/]*\/(lib|dist|internal|src)\//.test(s)).map((s) => `${path.relative(src, file)}: ${s}`))
    expect(privateImports).toEqual([])
  })
})
