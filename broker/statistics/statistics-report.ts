import type { StatisticsRow } from '../../shared/contract/staff-api.ts';
import { type Cell, type DayAggregate, emptyCell, type Histogram } from './day-aggregate.ts';

function mergeHistogram(into: Histogram, from: Histogram): void {
  into.n += from.n;
  into.sumMs += from.sumMs;
  // for…in rather than Object.entries: no array of pairs per histogram, and a year merges thousands.
  // JSON keys are strings whatever the type says.
  const to = into.minutes as Record<string, number>;
  const add = from.minutes as Record<string, number>;
  for (const minute in add) to[minute] = (to[minute] ?? 0) + add[minute]!;
}

function mergeCell(into: Cell, from: Cell): void {
  into.issued += from.issued;
  into.served += from.served;
  into.noShows += from.noShows;
  into.bookingsMade += from.bookingsMade;
  into.bookingsKept += from.bookingsKept;
  into.bookingsLapsed += from.bookingsLapsed;
  into.bookingsCancelled += from.bookingsCancelled;
  into.transfers = (into.transfers ?? 0) + (from.transfers ?? 0);
  into.outOfOrder = (into.outOfOrder ?? 0) + (from.outOfOrder ?? 0);
  into.parkedMs = (into.parkedMs ?? 0) + (from.parkedMs ?? 0);
  into.lateWalkIns = (into.lateWalkIns ?? 0) + (from.lateWalkIns ?? 0);
  into.remindersSent = (into.remindersSent ?? 0) + (from.remindersSent ?? 0);
  into.bookingsMoved = (into.bookingsMoved ?? 0) + (from.bookingsMoved ?? 0);
  into.smsSent = (into.smsSent ?? 0) + (from.smsSent ?? 0);
  into.smsDelivered = (into.smsDelivered ?? 0) + (from.smsDelivered ?? 0);
  into.smsFailed = (into.smsFailed ?? 0) + (from.smsFailed ?? 0);
  into.smsLimited = (into.smsLimited ?? 0) + (from.smsLimited ?? 0);
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
  for (const minute of Object.keys(h.minutes)
    .map(Number)
    .sort((a, b) => a - b)) {
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
    transfers: c.transfers ?? 0,
    outOfOrder: c.outOfOrder ?? 0,
    parkedMinutes: Math.round((c.parkedMs ?? 0) / 60_000),
    lateWalkIns: c.lateWalkIns ?? 0,
    remindersSent: c.remindersSent ?? 0,
    bookingsMoved: c.bookingsMoved ?? 0,
    smsSent: c.smsSent ?? 0,
    smsDelivered: c.smsDelivered ?? 0,
    smsFailed: c.smsFailed ?? 0,
    smsLimited: c.smsLimited ?? 0,
  };
}

export type Grouping = 'service' | 'day' | 'hour' | 'dayServiceHour';
type Query = { from: string; to: string; serviceId?: string };

type KeyOf = (day: string, serviceId: string, hour: string) => string;
const keyOf: Record<Grouping | 'serviceHour', KeyOf> = {
  service: (_day, serviceId) => serviceId,
  day: (day) => day,
  hour: (_day, _serviceId, hour) => hour,
  serviceHour: (_day, serviceId, hour) => `${serviceId}/${hour}`,
  dayServiceHour: (day, serviceId, hour) => `${day}/${serviceId}/${hour}`,
};

/** Merges the range's cells into one cell per key. */
function group(days: readonly DayAggregate[], query: Query, key: KeyOf): Map<string, Cell> {
  const groups = new Map<string, Cell>();
  for (const day of days) {
    if (day.day < query.from || day.day > query.to) continue;
    for (const cellKey in day.cells) {
      const [serviceId, hour] = cellKey.split('/') as [string, string];
      if (query.serviceId && serviceId !== query.serviceId) continue;
      mergeInto(groups, key(day.day, serviceId, hour.padStart(2, '0')), day.cells[cellKey]!);
    }
  }
  return groups;
}

function mergeInto(groups: Map<string, Cell>, key: string, cell: Cell): void {
  let into = groups.get(key);
  if (!into) groups.set(key, (into = emptyCell()));
  mergeCell(into, cell);
}

const rows = (groups: Map<string, Cell>) => [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, cell]) => row(key, cell));

/**
 * The days from `from` to `to` (inclusive), optionally one service, grouped: by service, by day, by
 * hour of the day, or not at all (for the CSV). Rows come sorted by their key.
 */
export function statisticsReport(days: readonly DayAggregate[], query: Query, grouping: Grouping): StatisticsRow[] {
  return rows(group(days, query, keyOf[grouping]));
}

/** The range's days merged into one row under `key` (an office's total, at the hub), zeros when nothing was recorded. */
export function statisticsTotal(days: readonly DayAggregate[], query: Query, key: string): StatisticsRow {
  return row(key, group(days, query, () => key).get(key) ?? emptyCell());
}

/**
 * By service, by day and by hour at once. A year is thousands of cells, each with two histograms:
 * each cell is merged by day and by service-and-hour, and the few service-and-hour groups are then
 * merged into services and hours, rather than every cell merged three times over.
 */
export function statisticsReports(days: readonly DayAggregate[], query: Query): Record<'byService' | 'byDay' | 'byHour', StatisticsRow[]> {
  const byDay = group(days, query, keyOf.day);
  const byServiceHour = group(days, query, keyOf.serviceHour);
  const byService = new Map<string, Cell>();
  const byHour = new Map<string, Cell>();
  for (const [key, cell] of byServiceHour) {
    const [serviceId, hour] = key.split('/') as [string, string];
    mergeInto(byService, serviceId, cell);
    mergeInto(byHour, hour, cell);
  }
  return { byService: rows(byService), byDay: rows(byDay), byHour: rows(byHour) };
}
