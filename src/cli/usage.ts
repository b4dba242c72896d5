// The command line's options and help texts, one place for both, so `--help` never drifts from what parses.
import type { ParseArgsConfig } from 'node:util'

export type Command = 'build' | 'check' | 'dev'

type Options = NonNullable<ParseArgsConfig['options']>

const common: Options = { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } }
const perCommand: Record<Command, Options> = {
  build: { ...common, format: { type: 'string' }, edition: { type: 'string' }, paper: { type: 'string' }, out: { type: 'string' }, stats: { type: 'boolean' }, timings: { type: 'boolean' }, frail: { type: 'boolean' } },
  check: { ...common, frail: { type: 'boolean' } },
  dev: { ...common, port: { type: 'string' }, host: { type: 'string' }, edition: { type: 'string' } }
}

const lines: Record<string, string> = {
  root: '--root <dir>        Project folder holding book.yaml (default: current folder)',
  format: '--format <list>     Formats, comma-separated: pdf, epub, handouts, web (default: book.yaml, else all)',
  edition: '--edition <list>    Editions, comma-separated: student, teacher (default: both)',
  paper: '--paper <size>      Paper size: a4 or letter (default: book.yaml)',
  out: '--out <dir>         Output folder (default: book.yaml `outDir`, else dist)',
  stats: '--stats             Also print each chapter\'s word count and reading level',
  timings: '--timings           Print how long each stage took (always shown on a terminal)',
  frail: '--frail             Exit with 1 on warnings as well as errors',
  port: '--port <n>          Port to serve on (default 4173; 0 picks a free one)',
  host: '--host <name>       Address to listen on (default 127.0.0.1)',
  help: '--help              Show this help'
}

const summaries: Record<Command, string> = {
  build: 'Build the guide: PDF, EPUB, classroom handouts and a static web site, per edition.\nAll go into the output folder; nothing is written unless every check passes.',
  check: 'Check every chapter, source, link, image and glossary term without building; print\neach chapter\'s word count and reading level. Exit 1 on errors (or warnings, with --frail).',
  dev: 'Serve the guide\'s web site on localhost (the teacher edition unless --edition says otherwise), rebuild\nit on every save and reload the open pages.\nErrors show in the page and here; the server keeps running.'
}

/** Options that `parseArgs` accepts for `command`. */
export function optionsFor(command: Command): Options {
  return perCommand[command]
}

/** The help text for one command, or the overview. */
export function helpFor(command?: Command): string {
  if (!command) {
    return `Usage: nlmg <command> [options]

Commands:
  build     ${summaries.build.split('\n')[0]}
  check     Check chapters, sources, links and terms without building
  dev       Live preview on localhost while you write

Run \`nlmg <command> --help\` for a command's options.
Exit codes: 0 done, 1 content errors (or no browser for the PDF), 2 bad usage.

Options:
  --version           Show the version
  --help              Show this help`
  }
  const options = Object.keys(perCommand[command]).map((name) => `  ${lines[name]}`)
  return `Usage: nlmg ${command} [options]\n\n${summaries[command]}\n\nOptions:\n${options.join('\n')}`
}
