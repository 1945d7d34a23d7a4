/** The one source of time: injected everywhere, so tests and demos can choose the instant. */
export interface Clock {
  now(): number;
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
