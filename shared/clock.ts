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
 * The clock a process runs on, from its settings: `startAt` (an ISO instant the clock starts at, then
 * runs on), `offsetMs` (handed to child processes so they all share one shifted time), or, for the
 * office-day simulator, `startAt` with `rate` and `epochMs` (acceleratedClock).
 */
export function clockFromSettings(
  settings: { startAt?: string | undefined; offsetMs?: string | undefined; rate?: string | undefined; epochMs?: string | undefined },
  now = Date.now(),
): Clock {
  if (settings.startAt && settings.rate) {
    const start = Date.parse(settings.startAt);
    const rate = Number(settings.rate);
    if (Number.isNaN(start) || !(rate > 0)) throw new Error(`FRONTA_START_AT and FRONTA_CLOCK_RATE: need an ISO instant and a positive rate`);
    return acceleratedClock(start, settings.epochMs ? Number(settings.epochMs) : now, rate);
  }
  if (settings.startAt) {
    const start = Date.parse(settings.startAt);
    if (Number.isNaN(start)) throw new Error(`FRONTA_START_AT: not an ISO instant: ${settings.startAt}`);
    return offsetClock(start - now);
  }
  if (settings.offsetMs) {
    const offset = Number(settings.offsetMs);
    if (!Number.isFinite(offset)) throw new Error(`FRONTA_CLOCK_OFFSET_MS: not a number: ${settings.offsetMs}`);
    return offsetClock(offset);
  }
  return systemClock;
}
