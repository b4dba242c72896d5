// The command line: parse arguments into options, call the core, print the report. This is the one error
// boundary: it sets the exit code (0 done, 1 content or build errors, 2 bad usage) and nothing deeper exits.
// `cli.ts` runs it, from the bundle of these modules when that is current (bundled-cli.ts).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { build, type BuildOptions } from '../build/build.js'
import { packageRoot } from '../core/paths.js'
import { edition, format, paperSize } from '../project/schema.js'
import { helpFor, optionsFor, type Command } from './usage.js'

class UsageError extends Error {}

const interactive = process.stderr.isTTY === true && !process.env.CI
const color = interactive && !process.env.NO_COLOR

async function main(argv: string[]): Promise<number> {
  const command = argv[0] && !argv[0].startsWith('-') ? (argv[0] as Command) : undefined
  if (!command) {
    if (argv.includes('--version') || argv.includes('-v')) return print(version()), 0
    if (argv.includes('--help') || argv.includes('-h')) return print(helpFor()), 0
    throw new UsageError('Missing command')
  }
  if (!['build', 'check', 'dev', 'init', 'schema'].includes(command)) throw new UsageError(`Unknown command \`${command}\``)
  const { values, positionals } = parseArgs({ args: argv.slice(1), options: optionsFor(command), allowPositionals: command === 'init', strict: true })
  if (values.help) return print(helpFor(command)), 0
  if (command === 'init') return init(positionals, values.force === true)
  if (command === 'schema') return schema(String(values.out ?? 'schemas'))
  const root = path.resolve(String(values.root ?? '.'))
  if (command === 'dev') return dev(root, values)
  const options: BuildOptions = {
    root,
    checkOnly: command === 'check',
    stats: command === 'check' || values.stats === true,
    formats: list(values.format, format, 'format'),
    editions: list(values.edition, edition, 'edition'),
    paper: list(values.paper, paperSize, 'paper')?.[0],
    outDir: values.out ? path.resolve(String(values.out)) : undefined,
    log: values.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
    onStage: interactive || values.timings ? (stage, ms) => process.stderr.write(`  ${stage.padEnd(18)} ${(ms / 1000).toFixed(2)} s\n`) : undefined
  }
  const report = await build(options)
  // The reporter is loaded only when there is something to report.
  const text = report.files.some((f) => f.messages.length > 0) ? (await import('vfile-reporter')).reporter(report.files, { quiet: true, color }) : ''
  if (text) process.stderr.write(`${text}\n`)
  if ((command === 'check' || values.stats) && report.chapters.length > 0) {
    for (const c of report.chapters) {
      const wiki = c.citations === 0 ? '' : `   ${String(c.citations).padStart(4)} citations, Wikipedia ${Math.round((100 * c.wikipedia) / c.citations)}%`
      print(`${c.slug.padEnd(20)} ${String(c.words).padStart(6)} words   grade ${c.grade.toFixed(1)}${wiki}`)
    }
    print(`${'total'.padEnd(20)} ${String(report.chapters.reduce((n, c) => n + c.words, 0)).padStart(6)} words`)
  }
  for (const file of collapseSites(report.written)) {
    const pages = file.pages === undefined ? '' : `  ${file.pages} ${file.pages === 1 ? 'page' : 'pages'}`
    const count = file.files === undefined ? '' : `  ${file.files} files`
    print(`wrote ${path.relative(process.cwd(), file.path)}${count}  ${size(file.bytes)}${pages}`)
  }
  // With the stage timings, what the diagrams cost: how many Mermaid drew and how many came from the cache.
  if (values.timings && report.figures) process.stderr.write(`  diagrams           ${report.figures.drawn} drawn, ${report.figures.cached} from the cache\n`)
  if (report.failure) process.stderr.write(`error: ${report.failure}\n`)
  const warnings = report.files.some((f) => f.messages.length > 0)
  return report.ok && !(values.frail && warnings) ? 0 : 1
}

async function init(positionals: string[], force: boolean): Promise<number> {
  if (positionals.length > 1) throw new UsageError('`nlmg init` takes one folder')
  const folder = path.resolve(positionals[0] ?? '.')
  const { initGuide } = await import('../init/init.js')
  const result = await initGuide(folder, { force })
  if (!result.ok) return process.stderr.write(`error: ${result.reason}\n`), 1
  const where = path.relative(process.cwd(), folder) || '.'
  print(`wrote a new guide in ${where} (${result.written.length} files): a short sample guide to Frankenstein to replace with your own`)
  print(`next: ${where === '.' ? '' : `cd ${where} && `}npx nlmg build   (README.md there says more)`)
  return 0
}

async function schema(out: string): Promise<number> {
  const { jsonSchemas, schemaFiles } = await import('../project/json-schema.js')
  const { commitOutputs } = await import('../core/write.js')
  const schemas = jsonSchemas()
  const written = await commitOutputs(path.resolve(out), Object.entries(schemaFiles).map(([key, file]) => ({ path: file, data: schemas[key as keyof typeof schemaFiles] })))
  for (const file of written) print(`wrote ${path.relative(process.cwd(), file.path)}`)
  return 0
}

async function dev(root: string, values: Record<string, unknown>): Promise<number> {
  const { startDevServer } = await import('../dev/server.js')
  const port = values.port === undefined ? 4173 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Bad --port \`${String(values.port)}\``)
  const server = await startDevServer({
    root,
    port,
    host: String(values.host ?? '127.0.0.1'),
    edition: list(values.edition as string | undefined, edition, 'edition')?.[0],
    log: (line) => process.stderr.write(`${new Date().toTimeString().slice(0, 8)} ${line}\n`)
  })
  print(`Previewing ${root} at ${server.url} (Ctrl-C to stop)`)
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await server.close()
  return 0
}

function list<T>(value: unknown, schema: { safeParse(v: unknown): { success: boolean; data?: T } }, name: string): T[] | undefined {
  if (value === undefined) return undefined
  return String(value)
    .split(',')
    .map((v) => {
      const result = schema.safeParse(v.trim())
      if (!result.success) throw new UsageError(`Bad --${name} \`${String(value)}\``)
      return result.data as T
    })
}

interface Line {
  path: string
  bytes: number
  pages?: number
  files?: number
}

/** The files written, each web site (`…/web/`, dozens of files) as one line with its file count and total size. */
function collapseSites(written: Line[]): Line[] {
  const lines: Line[] = []
  const sites = new Map<string, Line>()
  for (const file of written) {
    const site = /^(.*[\\/]web)[\\/]/.exec(file.path)?.[1]
    if (site === undefined) {
      lines.push(file)
      continue
    }
    const line = sites.get(site) ?? { path: `${site}${path.sep}`, bytes: 0, files: 0 }
    sites.set(site, { ...line, bytes: line.bytes + file.bytes, files: (line.files ?? 0) + 1 })
  }
  return [...lines, ...sites.values()]
}

function size(bytes: number) {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`
}

function version(): string {
  return JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version
}

function print(line: string) {
  process.stdout.write(`${line}\n`)
}

/** Run the command line on `argv` (the arguments after the script); sets `process.exitCode`. */
export async function run(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv)
  } catch (error) {
    if (error instanceof UsageError || String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(error as Error).message}\n\n${helpFor()}\n`)
      process.exitCode = 2
      return
    }
    process.stderr.write(`internal error: ${(error as Error).stack ?? String(error)}\n`)
    process.exitCode = 1
  }
}
