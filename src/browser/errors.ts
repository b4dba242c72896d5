// Chromium's failures as one line a person can act on: why it did not start, or that it crashed or stopped
// answering while printing. Puppeteer's own errors span several lines and end in a troubleshooting link.
import type { Page } from 'puppeteer-core'

/** Raised when no browser can be found, started or kept running; its message is one line a user can act on. */
export class BrowserError extends Error {
  override name = 'BrowserError'
}

/** No browser on the machine at all: the one failure after which the EPUB is still written. */
export class BrowserMissing extends BrowserError {
  override name = 'BrowserMissing'
}

/** Why Chromium at `executablePath` did not start, from Puppeteer's launch error. */
export function launchFailure(executablePath: string, error: unknown, timeoutMs: number): BrowserError {
  const text = error instanceof Error ? error.message : String(error)
  if (puppeteerError(error, 'TimeoutError') || /timed out/i.test(text)) {
    const hint = `is it a Chromium? try \`${executablePath} --headless --version\``
    return new BrowserError(`Chromium at ${executablePath} did not start within ${seconds(timeoutMs)}: it never reported that it was ready (${hint})`)
  }
  const [head = '', rest = ''] = text.split('stderr:')
  const said = rest.split('TROUBLESHOOTING')[0]?.split('\n').map((l) => l.trim()).find((l) => l !== '')
  const code = /Code: (\d+)/.exec(head)?.[1]
  const why = code ? `it exited with code ${code}` : head.replace('Failed to launch the browser process', '').replace(/^[\s:!]+/, '').trim()
  return new BrowserError(`Chromium at ${executablePath} did not start: ${why || 'it failed'}${said ? ` (it said: ${said.slice(0, 200)})` : ''}`)
}

/**
 * `page` whose failures while printing come back as BrowserErrors: a crashed browser (`crashed()` true), one that
 * stopped answering in time, or one the protocol reports broken. Other errors pass through unchanged.
 */
export function guardedErrors(page: Page, crashed: () => boolean): Page {
  return new Proxy(page, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args)
        if (!(result instanceof Promise)) return result
        return result.catch((error: unknown) => {
          throw printFailure(error, crashed()) ?? error
        })
      }
    }
  })
}

function printFailure(error: unknown, crashed: boolean): BrowserError | undefined {
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0]
  if (crashed) return new BrowserError(`Chromium stopped while printing (it crashed or was killed): ${first}`)
  if (puppeteerError(error, 'TimeoutError') || (puppeteerError(error, 'ProtocolError') && /timed out/i.test(first ?? ''))) {
    return new BrowserError(`Chromium did not answer in time while printing: ${first}`)
  }
  if (puppeteerError(error, 'ProtocolError')) return new BrowserError(`Chromium failed while printing: ${first}`)
  return undefined
}

/**
 * Whether `error` is an instance of Puppeteer's class `name` or of one derived from it (`TargetCloseError` is a
 * `ProtocolError`): `instanceof`, by class name, so that a command that prints nothing never loads Puppeteer to ask.
 */
function puppeteerError(error: unknown, name: 'TimeoutError' | 'ProtocolError'): boolean {
  for (let proto = error instanceof Error ? Object.getPrototypeOf(error) : null; proto; proto = Object.getPrototypeOf(proto)) {
    if ((proto as { constructor?: { name?: string } }).constructor?.name === name) return true
  }
  return false
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`
}
