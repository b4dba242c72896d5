// What the figures were measured on, and the small external tools the bench reads results with.
import { execFile } from 'node:child_process'
import os from 'node:os'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface Machine {
  cpus: number
  /** Total memory in bytes. */
  memory: number
  cpu: string
  os: string
  node: string
  chromium: string
  /** Absent when pandoc is not installed. */
  pandoc?: string
  /** One-minute load average when the run started: other work on the machine skews every figure. */
  load: number
  date: string
}

/** The first line a tool prints for `args` (its version), or undefined when it does not run. */
export async function toolVersion(command: string, args = ['--version']): Promise<string | undefined> {
  try {
    const { stdout } = await run(command, args, { timeout: 30_000 })
    return stdout.split('\n').find((l) => l.trim() !== '')?.trim()
  } catch {
    return undefined
  }
}

/** Describe this machine and the tools' versions. */
export async function describeMachine(chromium: string): Promise<Machine> {
  return {
    cpus: os.availableParallelism(),
    memory: os.totalmem(),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: (await toolVersion(chromium)) ?? 'not found',
    pandoc: await toolVersion('pandoc'),
    load: os.loadavg()[0] ?? 0,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ')
  }
}

/** A PDF's page count, from poppler's pdfinfo. */
export async function pdfPageCount(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file])
  const line = stdout.split('\n').find((l) => l.startsWith('Pages:'))
  if (!line) throw new Error(`pdfinfo gave no page count for ${file}`)
  return Number(line.slice('Pages:'.length).trim())
}
