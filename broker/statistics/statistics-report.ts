import type { StatisticsRow } from '../../shared/contract/staff-api.ts';
import { emptyCell, type Cell, type DayAggregate, type Histogram } from './day-aggregate.ts';

function mergeHistogram(into: Histogram, from: Histogram): void {
  into.n += from.n;
  into.sumMs += from.sumMs;
  for (const [minute, count] of Object.entries(from.minutes)) into.minutes[Number(minute)] = (into.minutes[Number(minute)] ?? 0) + count;
}

function mergeCell(into: Cell, from: Cell): void {
  into.issued += from.issued;
  into.served += from.served;
  into.noShows += from.noShows;
  into.bookingsMade += from.bookingsMade;
  into.bookingsKept += from.bookingsKept;
  into.bookingsLapsed += from.bookingsLapsed;
  into.bookingsCancelled += from.bookingsCancelled;
  mergeHistogram(into.wait, from.wait);
  mergeHistogram(into.service, from.service);
}

/** Minutes, one decimal; null when nothing was measured. */
const meanMinutes = (h: Histogram) => (h.n === 0 ? null : Math.round(h.sumMs / h.n / 6_000) / 10);

/** The 90th percentile to the whole minute, rounded down (the buckets are whole minutes). */
function p90Minutes(h: Histogram): number | null {
  if (h.n === 0) return null;
  const needed = Math.ceil(h.n * 0.9);
  let seen = 0;
  for (const minute of Object.keys(h.minutes).map(Number).sort((a, b) => a - b)) {
    seen += h.minutes[minute]!;
    if (seen >= needed) return minute;
  }
  return null;
}

function row(key: string, c: Cell): StatisticsRow {
  return {
    key,
    issued: c.issued,
    served: c.served,
    noShows: c.noShows,
    waitMeanMinutes: meanMinutes(c.wait),
    waitP90Minutes: p90Minutes(c.wait),
    serviceMeanMinutes: meanMinutes(c.service),
    serviceP90Minutes: p90Minutes(c.service),
    bookingsMade: c.bookingsMade,
    bookingsKept: c.bookingsKept,
    bookingsLapsed: c.bookingsLapsed,
    bookingsCancelled: c.bookingsCancelled,
  };
}

export type Grouping = 'service' | 'day' | 'hour' | 'dayServiceHour';

/**
 * The days from `from` to `to` (inclusive), optionally one service, grouped: by service, by day, by
 * hour of the day, or not at all (for the CSV). Rows come sorted by their key.
 */
export function statisticsReport(days: readonly DayAggregate[], query: { from: string; to: string; serviceId?: string }, grouping: Grouping): StatisticsRow[] {
  const groups = new Map<string, Cell>();
  for (const day of days) {
    if (day.day < query.from || day.day > query.to) continue;
    for (const [cellKey, cell] of Object.entries(day.cells)) {
      const [serviceId, hour] = cellKey.split('/') as [string, string];
      if (query.serviceId && serviceId !== query.serviceId) continue;
      const key =
        grouping === 'service' ? serviceId : grouping === 'day' ? day.day : grouping === 'hour' ? hour.padStart(2, '0') : `${day.day}/${serviceId}/${hour.padStart(2, '0')}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = emptyCell()));
      mergeCell(group, cell);
    }
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, cell]) => row(key, cell));
}

