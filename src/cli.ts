#!/usr/bin/env node
// The `nlmg` command. Node's own compile cache (where this Node has it) keeps the compiled modules between runs.
import module from 'node:module'

;(module as { enableCompileCache?: () => unknown }).enableCompileCache?.()
const { run } = await import('./cli/main.js')
await run(process.argv.slice(2))
