#!/usr/bin/env node
// The command line: parse arguments into options, call the core, print the report. This is the one error
// boundary: it sets the exit code (0 done, 1 content or build errors, 2 bad usage) and nothing deeper exits.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { reporter } from 'vfile-reporter'
import { build, type BuildOptions } from './build.js'
import { packageRoot } from './config.js'
import { edition, format, paperSize } from './schema.js'

const usage = `Usage: nlmg <command> [options]

Commands:
  build     Build the guide (PDF, EPUB) into the output folder
  check     Check every chapter, source and link without building

Options:
  --root <dir>        Project folder holding book.yaml (default: current folder)
  --format <list>     Formats to build, comma-separated: pdf, epub, handouts
  --edition <list>    Editions to build, comma-separated: student, teacher
  --paper <size>      Paper size: a4 or letter
  --out <dir>         Output folder (default from book.yaml: dist)
  --stats             With check: print each chapter's word count and reading level
  --frail             Fail on warnings too
  --help              Show this help
  --version           Show the version`

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      format: { type: 'string' },
      edition: { type: 'string' },
      paper: { type: 'string' },
      out: { type: 'string' },
      stats: { type: 'boolean' },
      frail: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' }
    }
  })
  if (values.version) return print(JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version), 0
  const command = positionals[0]
  if (values.help || !command) return print(usage), command || values.help ? 0 : 2
  if (command !== 'build' && command !== 'check') throw new UsageError(`Unknown command \`${command}\``)
  const list = <T>(value: string | undefined, schema: { parse(v: unknown): T }, name: string) => {
    if (value === undefined) return undefined
    try {
      return value.split(',').map((v) => schema.parse(v.trim()))
    } catch {
      throw new UsageError(`Bad --${name} \`${value}\``)
    }
  }
  const options: BuildOptions = {
    root: path.resolve(values.root ?? '.'),
    checkOnly: command === 'check',
    formats: list(values.format, format, 'format'),
    editions: list(values.edition, edition, 'edition'),
    paper: list(values.paper, paperSize, 'paper')?.[0],
    outDir: values.out ? path.resolve(values.out) : undefined,
    onStage: process.stderr.isTTY && !process.env.CI ? (stage, ms) => process.stderr.write(`  ${stage.padEnd(14)} ${(ms / 1000).toFixed(2)} s\n`) : undefined
  }
  const report = await build(options)
  const text = reporter(report.files, { quiet: true, color: process.stderr.isTTY && !process.env.NO_COLOR })
  if (text) process.stderr.write(`${text}\n`)
  if (values.stats) {
    for (const c of report.chapters) print(`${c.slug.padEnd(20)} ${String(c.words).padStart(6)} words   grade ${c.grade.toFixed(1)}`)
    print(`${'total'.padEnd(20)} ${String(report.chapters.reduce((n, c) => n + c.words, 0)).padStart(6)} words`)
  }
  for (const file of report.written) print(`wrote ${path.relative(process.cwd(), file)}`)
  if (report.failure) process.stderr.write(`error: ${report.failure}\n`)
  const warnings = report.files.some((f) => f.messages.length > 0)
  return report.ok && !(values.frail && warnings) ? 0 : 1
}

function print(line: string) {
  process.stdout.write(`${line}\n`)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(error as Error).message}\n\n${usage}\n`)
      process.exitCode = 2
      return
    }
    process.stderr.write(`internal error: ${(error as Error).stack ?? String(error)}\n`)
    process.exitCode = 1
  }
)
