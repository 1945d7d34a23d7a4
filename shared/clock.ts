/** The one source of time: injected everywhere, so tests and demos can choose the instant. */
export interface Clock {
  now(): number;
  /** Office milliseconds per real millisecond: 1, except in accelerated simulations. Timers divide by it. */
  readonly rate?: number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Runs on in real time from a chosen start, for demos, training and black-box tests. */
export function offsetClock(offsetMs: number): Clock {
  return { now: () => Date.now() + offsetMs };
}

/** A clock that moves only when told to; for tests. */
export class ManualClock implements Clock {
  constructor(private at: number) {}
  now(): number {
    return this.at;
  }
  set(at: number): void {
    this.at = at;
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

/**
 * Office time running `rate` times faster than real time from `startAt`, counted from the real
 * instant `epochMs`: processes given the same three numbers share one accelerated office day.
 */
export function acceleratedClock(startAt: number, epochMs: number, rate: number): Clock {
  return { rate, now: () => startAt + (Date.now() - epochMs) * rate };
}

/**
 * The clock a process runs on, from its settings: `offsetMs` (handed to child processes so they all
 * share one shifted time; it wins, being the parent's own clock), or `startAt` (an ISO instant the
 * clock read at the real instant `epochMs`, now by default, and runs on from), at `rate` times real
 * speed for the office-day simulator (acceleratedClock). A server keeps its `epochMs` in its data
 * directory (broker/clock-anchor.ts), so a restart carries on instead of starting over.
 */
export function clockFromSettings(settings: { startAt?: string | undefined; offsetMs?: string | undefined; rate?: string | undefined; epochMs?: string | undefined }, now = Date.now()): Clock {
  if (settings.offsetMs) {
    const offset = Number(settings.offsetMs);
    if (!Number.isFinite(offset)) throw new Error(`FRONTA_CLOCK_OFFSET_MS: not a number: ${settings.offsetMs}`);
    return offsetClock(offset);
  }
  if (!settings.startAt) return systemClock;
  const start = Date.parse(settings.startAt);
  if (Number.isNaN(start)) throw new Error(`FRONTA_START_AT: not an ISO instant: ${settings.startAt}`);
  const epoch = settings.epochMs ? Number(settings.epochMs) : now;
  if (!settings.rate) return offsetClock(start - epoch);
  const rate = Number(settings.rate);
  if (!(rate > 0)) throw new Error(`FRONTA_CLOCK_RATE: need a positive rate, not ${settings.rate}`);
  return acceleratedClock(start, epoch, rate);
}
