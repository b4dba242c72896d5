#!/usr/bin/env node
// The `nlmg` command: the command line (cli-main.ts) from its bundle when that is current, else from the
// modules (bundled-cli.ts says why). Only Node's own modules are loaded before that choice.
import { loadBundledCli } from './bundled-cli.js'

const argv = process.argv.slice(2)
const cli = loadBundledCli({ keepsCache: argv[0] === 'build' || argv[0] === 'check' }) ?? (await import('./cli-main.js'))
await cli.run(argv)
