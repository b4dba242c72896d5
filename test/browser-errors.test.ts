// Puppeteer's failures as one line a person can act on, told apart by their class (and the classes derived
// from it) without browser-errors.ts loading Puppeteer.
import { ConnectionClosedError, ProtocolError, TargetCloseError, TimeoutError, type Page } from 'puppeteer-core'
import { describe, expect, it } from 'vitest'
import { BrowserError, guardedErrors, launchFailure } from '../src/browser/errors.js'

/** A page whose `pdf` fails with `error`. */
const failing = (error: Error) => guardedErrors({ pdf: () => Promise.reject(error) } as unknown as Page, () => false)

describe('browser errors', () => {
  it('should tell Puppeteer’s errors, and those derived from them, while printing', async () => {
    await expect(failing(new TimeoutError('Waiting failed')).pdf()).rejects.toThrow(/^Chromium did not answer in time while printing: Waiting failed$/)
    await expect(failing(new ProtocolError('Page.printToPDF timed out')).pdf()).rejects.toThrow(/did not answer in time/)
    for (const error of [new ProtocolError('Protocol error'), new TargetCloseError('Target closed'), new ConnectionClosedError('Connection closed')]) {
      const thrown = await failing(error).pdf().catch((e: unknown) => e)
      expect(thrown).toBeInstanceOf(BrowserError)
      expect((thrown as Error).message).toBe(`Chromium failed while printing: ${error.message}`)
    }
    // Not Puppeteer's: passed through as it is.
    const other = new Error('ENOSPC')
    await expect(failing(other).pdf()).rejects.toBe(other)
  })

  it('should say a launch timed out from Puppeteer’s TimeoutError', () => {
    expect(launchFailure('/usr/bin/chromium', new TimeoutError('no ready signal'), 30_000).message).toMatch(/^Chromium at \/usr\/bin\/chromium did not start within 30 s/)
    expect(launchFailure('/usr/bin/chromium', new Error('Failed to launch the browser process! Code: 127'), 30_000).message).toMatch(/exited with code 127/)
  })
})
