// Real validators and readers for built files: poppler's pdftotext and pdffonts, and epubcheck.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The text of each page of a PDF, in order; `asPrinted` keeps any soft hyphen the text layer holds. */
export async function pdfPages(file: string, options: { asPrinted?: boolean } = {}): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 })
  // Soft hyphens stay in the text layer where a word did not break there; a reader's search ignores them.
  return (options.asPrinted ? stdout : stdout.replace(/\u00AD/g, '')).split('\f').slice(0, -1)
}

/** Fonts of a PDF as `{ name, embedded }`. */
export async function pdfFonts(file: string): Promise<Array<{ name: string; embedded: boolean }>> {
  const { stdout } = await run('pdffonts', [file])
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.trim().split(/\s+/)
      const emb = cells[cells.length - 5]
      return { name: cells[0] as string, embedded: emb === 'yes' }
    })
}

/** pdfinfo's fields. */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', [file])
  return Object.fromEntries(stdout.split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]))
}

/** Run epubcheck; returns its counts of fatal errors, errors and warnings, and its output. */
export async function epubcheck(file: string) {
  const result = await run('java', ['-jar', '/usr/share/java/epubcheck.jar', file]).catch((error: { stdout: string; stderr: string }) => error)
  const output = `${result.stdout}\n${result.stderr}`
  const match = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(output)
  if (!match) throw new Error(`epubcheck gave no summary:\n${output}`)
  return { fatals: Number(match[1]), errors: Number(match[2]), warnings: Number(match[3]), output }
}
