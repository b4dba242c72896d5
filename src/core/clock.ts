// Stage timings (`--timings`): each stage reports the time since the stage before it on the same clock. Work that
// runs side by side (the EPUBs while the browser prints, one edition beside the other) keeps a clock of its own.

/** A clock: call it with a stage's name as the stage ends. */
export type StageClock = (stage: string) => void

/** A new clock, starting now, that reports each stage to `onStage`. */
export function stageClock(onStage?: (stage: string, ms: number) => void): StageClock {
  let last = performance.now()
  return (stage: string) => {
    const now = performance.now()
    onStage?.(stage, now - last)
    last = now
  }
}
