// DAISY Ace, the accessibility checker EPUB publishers use: run its command line on a built EPUB against the
// system Chromium and read its report's violations.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { root } from './helpers.js'

const run = promisify(execFile)

export interface AceViolation {
  /** The document the rule failed in. */
  file: string
  /** Ace's rule id, e.g. `label` or `epub-type-has-matching-role`. */
  rule: string
  impact: string
  html: string
}

export interface AceReport {
  outcome: string
  violations: AceViolation[]
  /** Accessibility metadata Ace found, by state (`present`, `missing`, `empty`). */
  metadata: Record<string, string[]>
}

interface AceJson {
  'earl:result': { 'earl:outcome': string }
  'a11y-metadata': Record<string, string[]>
  assertions: Array<{
    'earl:testSubject': { url: string }
    assertions?: Array<{ 'earl:test': { 'dct:title': string; 'earl:impact': string }; 'earl:result': { html?: string } }>
  }>
}

/** Check `epub` with Ace; its report is read back, then removed. */
export async function ace(epub: string): Promise<AceReport> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'nlmg-ace-'))
  try {
    const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium' }
    await run(path.join(root, 'node_modules/.bin/ace-cli'), ['--silent', '--force', '--outdir', out, epub], { env, maxBuffer: 16 * 1024 * 1024 })
    const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as AceJson
    const violations = report.assertions.flatMap((document) =>
      (document.assertions ?? []).map((a) => ({
        file: document['earl:testSubject'].url,
        rule: a['earl:test']['dct:title'],
        impact: a['earl:test']['earl:impact'],
        html: a['earl:result'].html ?? ''
      }))
    )
    return { outcome: report['earl:result']['earl:outcome'], violations, metadata: report['a11y-metadata'] }
  } finally {
    await rm(out, { recursive: true, force: true })
  }
}
