#!/usr/bin/env node
// The `nlmg` command: the command line (cli-main.ts) from its bundle when that is current, else from the
// modules (bundled-cli.ts says why). Only Node's own modules are loaded before that choice.
import v8 from 'node:v8'
import { loadBundledCli } from './cli/bundled-cli.js'

// A build is a short run that does much of its work once: V8 by default starts optimising a function after
// some 66 kB of its bytecode has run, and in a build most of those optimisations are paid for and barely used.
// Four times that budget made a first EPUB build of the guide 0.91 → 0.80 s and of 100 chapters 2.64 → 2.51 s
// (docs/BENCHMARK.md, item 19); it only decides when code is optimised, never what the code does. Set before
// the bundle compiles, so its code cache is made and read under the same flags.
v8.setFlagsFromString('--interrupt-budget=270336')

const argv = process.argv.slice(2)
const cli = loadBundledCli({ keepsCache: argv[0] === 'build' || argv[0] === 'check' }) ?? (await import('./cli/main.js'))
await cli.run(argv)
