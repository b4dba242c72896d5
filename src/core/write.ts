// Outputs are written atomically: each file goes to a temporary name beside its target and is renamed over
// it, so dist/ holds either the old file or the new one, never half of one.
import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** One finished output, kept in memory until every output of the build is ready. */
export interface Output {
  /** Path relative to the output folder. */
  path: string
  data: Uint8Array | string
  /** Page count of a PDF, for the report. */
  pages?: number
}

/** A file written, as the report lists it. */
export interface Written {
  path: string
  bytes: number
  pages?: number
}

/** Write all outputs into `outDir`, each by write-then-rename. */
export async function commitOutputs(outDir: string, outputs: Output[]): Promise<Written[]> {
  const written: Written[] = []
  for (const output of outputs) {
    const target = path.join(outDir, output.path)
    await mkdir(path.dirname(target), { recursive: true })
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
    try {
      await writeFile(temporary, output.data)
      await rename(temporary, target)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
    written.push({ path: target, bytes: typeof output.data === 'string' ? Buffer.byteLength(output.data) : output.data.byteLength, pages: output.pages })
  }
  return written
}
