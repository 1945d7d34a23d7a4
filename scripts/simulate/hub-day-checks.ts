import type { Cell } from '../../broker/statistics/day-aggregate.ts';
import type { BookedArrival } from './bookings.ts';

const minute = 60_000;

/**
 * The booked citizens, with at least one coming to the kiosk within `window` (a cut line's hour):
 * if none does, the first booked for a time in it comes five minutes early. A run whose cut saw no
 * check-in would prove nothing about check-ins during a cut, so a window with no booking at all fails.
 */
export function comeDuring(booked: BookedArrival[], window: { from: number; to: number }): BookedArrival[] {
  const inWindow = (at: number) => at >= window.from && at < window.to;
  if (booked.some((b) => (b.behaviour === 'early' || b.behaviour === 'late') && inWindow(b.at))) return booked;
  const chosen = booked.filter((b) => b.bookedAt >= window.from + 10 * minute && inWindow(b.bookedAt)).sort((a, b) => a.bookedAt - b.bookedAt)[0];
  if (!chosen) throw new Error('no booking in the cut window: a cut without a check-in proves nothing');
  return booked.map((b) => (b === chosen ? { ...b, behaviour: 'early' as const, at: b.bookedAt - 5 * minute } : b)).sort((a, b) => a.at - b.at);
}

export interface Totals {
  issued: number;
  served: number;
  noShows: number;
  bookingsKept: number;
  bookingsLapsed: number;
  /** Tickets with a measured wait. */
  waits: number;
}

/** A day's totals over offices' cells. */
export function sumCells(offices: Record<string, Cell>[]): Totals {
  const totals: Totals = { issued: 0, served: 0, noShows: 0, bookingsKept: 0, bookingsLapsed: 0, waits: 0 };
  for (const cells of offices)
    for (const cell of Object.values(cells)) {
      totals.issued += cell.issued;
      totals.served += cell.served;
      totals.noShows += cell.noShows;
      totals.bookingsKept += cell.bookingsKept;
      totals.bookingsLapsed += cell.bookingsLapsed;
      totals.waits += cell.wait.n;
    }
  return totals;
}
