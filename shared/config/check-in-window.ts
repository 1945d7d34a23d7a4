import type { OfficeConfig } from './schema.ts';

const second = 1000;

/** The whole second an instant falls in: the check-in window is judged by the second, as a person reads a clock. */
export const secondOf = (at: number): number => Math.floor(at / second) * second;

/**
 * When a booking's code prints a ticket: from `checkInEarlyMinutes` before the booked time to
 * `checkInLateMinutes` after it, both edges included to the whole second (for 9:30 with the seed's
 * 15 and 15, every instant of 9:15:00 and of 9:45:00). The instant that counts is the press on the
 * keypad, which the server bounds by the staleness limit: a code typed at 9:45:00.9 that arrives at
 * 9:45:01 still checks in. A booking lapses when its last second has passed, by the same edge.
 */
export function checkInWindow(config: OfficeConfig, startsAt: number): { opens: number; closes: number } {
  const { checkInEarlyMinutes: early, checkInLateMinutes: late } = config.booking;
  return { opens: startsAt - early * 60_000, closes: startsAt + late * 60_000 };
}

/** Where `at` falls against the window, by the second. */
export function againstWindow(config: OfficeConfig, startsAt: number, at: number): 'early' | 'within' | 'late' {
  const { opens, closes } = checkInWindow(config, startsAt);
  const when = secondOf(at);
  return when < opens ? 'early' : when > closes ? 'late' : 'within';
}
