#!/usr/bin/env node
// `npm run bench`: generate a guide-size and a book-scale synthetic book, time our builds side by side with
// pandoc and raw Chromium, judge the targets, and write docs/BENCHMARK.md. Never part of `npm test`.
//
//   npm run bench -- [--sizes guide,10,100] [--runs 3] [--whole-runs 3,3,1] [--words-per-chapter 1500]
//                    [--out docs/BENCHMARK.md] [--keep] [--profile]
//
// (`npm run bench` compiles the product into lib/ and this folder into .cache/scripts/, then runs it.) Our
// commands are timed as a user runs them, `node lib/cli.js …`, one whole process each.
//
// `guide` is this project's own guide; a number is a generated book of that many chapters. Runs are per size
// (one number for all); the whole build, the slowest command, runs once on the 100-chapter book by default so
// the bench stays within a few minutes; `--profile` adds a step-by-step breakdown of our PDF (a few minutes more).
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { findBrowser } from '#src/browser/browser.js'
import { packageRoot } from '#src/core/paths.js'
import { commandsOf } from './dev.js'
import { describeMachine } from './machine.js'
import { handWritten, reportMarkdown } from './report.js'
import type { SizeResult } from './results.js'
import { benchSize } from './size.js'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'guide,10,100' },
    runs: { type: 'string', default: '3' },
    'whole-runs': { type: 'string', default: '3,3,1' },
    'words-per-chapter': { type: 'string', default: '1500' },
    out: { type: 'string', default: path.join(packageRoot, 'docs/BENCHMARK.md') },
    keep: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false }
  }
})
const sizes = values.sizes.split(',').map((s) => (s === 'guide' ? s : Number(s)))
const runs = values.runs.split(',').map(Number)
const wholeRuns = values['whole-runs'].split(',').map(Number)
const whole = (n: unknown) => Number.isInteger(n) && (n as number) >= 1
if (!sizes.every((s) => s === 'guide' || whole(s)) || !runs.every(whole) || !wholeRuns.every(whole)) {
  throw new Error('--sizes takes `guide` and chapter counts, --runs and --whole-runs whole numbers, comma-separated (e.g. --sizes guide,10,100 --runs 3 --whole-runs 3,3,1)')
}

const cli = path.join(packageRoot, 'lib/cli.js')
const chromium = findBrowser()
if (!chromium) throw new Error('No Chromium found: the PDF runs need one (apt-get install chromium)')
const machine = await describeMachine(chromium)
const run = promisify(execFile)
const { stdout: help } = await run(process.execPath, [cli, '--help'])
// The command's own help tells its options (whether it takes --port).
const devHelp = commandsOf(help).includes('dev') ? (await run(process.execPath, [cli, 'dev', '--help']).catch(() => ({ stdout: '' }))).stdout : undefined
const work = await mkdtemp(path.join(os.tmpdir(), 'nlmg-bench-'))
const started = performance.now()
const results: SizeResult[] = []
try {
  for (const [i, size] of sizes.entries()) {
    const context = { cli, chromium, help: devHelp === undefined ? undefined : `${help}\n${devHelp}`, pandoc: machine.pandoc !== undefined, work, profile: values.profile }
    const count = runs[Math.min(i, runs.length - 1)] as number
    const wholeCount = Math.min(count, wholeRuns[Math.min(i, wholeRuns.length - 1)] as number)
    const chapters = size === 'guide' ? 0 : size
    results.push(await benchSize({ ...context, book: size === 'guide' ? 'guide' : 'generated', chapters, runs: count, wholeRuns: wholeCount, words: chapters * Number(values['words-per-chapter']) }))
  }
} finally {
  if (!values.keep) await rm(work, { recursive: true, force: true })
  else process.stderr.write(`kept ${work}\n`)
}
const minutes = ((performance.now() - started) / 60_000).toFixed(1)
const kept = handWritten(await readFile(values.out, 'utf8').catch(() => ''))
const markdown = `${reportMarkdown(machine, results, os.loadavg()[0] ?? 0)}\n- The whole bench took ${minutes} minutes.\n${kept ? `\n${kept}` : ''}`
await mkdir(path.dirname(values.out), { recursive: true })
await writeFile(values.out, markdown)
process.stdout.write(`${markdown}\nwrote ${path.relative(process.cwd(), values.out)}\n`)
