import { DateTime } from 'luxon';
import { type Weekday, type WeekHours, weekdays } from '../config/opening-hours.ts';
import type { OfficeConfig, Workplace } from '../config/schema.ts';
import { publicHoliday } from './holidays.ts';

import { officeZone } from './office-zone.ts';

export { officeZone };

export type ClosedReason = 'holiday' | 'closedDay' | 'outsideHours';
export interface Interval {
  start: number;
  end: number;
}

// Asked several times by every request, for today and for the day booked: the bounds of the days
// asked for lately answer without luxon (most recent first).
const recentDays: { day: string; start: number; end: number }[] = [];

/** The Prague calendar day (YYYY-MM-DD) of an instant. */
export function officeDay(at: number): string {
  const known = recentDays.find((d) => at >= d.start && at < d.end);
  if (known) return known.day;
  const local = DateTime.fromMillis(at, { zone: officeZone });
  const start = local.startOf('day');
  recentDays.unshift({ day: local.toISODate()!, start: start.toMillis(), end: start.plus({ days: 1 }).toMillis() });
  if (recentDays.length > 64) recentDays.pop();
  return recentDays[0]!.day;
}

/** The Prague hour (0–23) of an instant: the statistics count by it. */
export const officeHour = (at: number): number => DateTime.fromMillis(at, { zone: officeZone }).hour;

// A calendar date names the same day in every zone: day arithmetic on it needs no zone (and no
// luxon, which the holds asked for thirty times each; see the rush benchmark).
const utcNoon = (day: string): Date => new Date(`${day}T12:00:00Z`);

/** The Prague calendar day `days` after `day`, counted in calendar days, not 24-hour periods. */
export function addDays(day: string, days: number): string {
  const date = utcNoon(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The weekday of a calendar day, as the opening hours name it. */
export const weekdayOf = (day: string): Weekday => weekdays[(utcNoon(day).getUTCDay() + 6) % 7]!;

// Every hold asks when today's new day opens: a wall-clock time's instant is the same at each ask.
const instants = new Map<string, number>();

/** The instant of a Prague wall-clock time; on the spring-forward day 02:30 does not exist and luxon moves it on. */
export function officeInstant(day: string, time: string): number {
  const key = `${day}T${time}`;
  let at = instants.get(key);
  if (at === undefined) {
    at = DateTime.fromISO(key, { zone: officeZone }).toMillis();
    if (instants.size > 4096) instants.clear();
    instants.set(key, at);
  }
  return at;
}

export function hoursOf(config: OfficeConfig, workplace: Workplace): WeekHours {
  return workplace.openingHours ?? config.office.openingHours;
}

export function closedAllDay(config: OfficeConfig, day: string): ClosedReason | undefined {
  if (publicHoliday(day)) return 'holiday';
  if (config.office.closedDates.includes(day)) return 'closedDay';
  return undefined;
}

// Every status view asks for these; computed once per configuration, workplace and day.
const intervalCache = new WeakMap<OfficeConfig, Map<string, Interval[]>>();

/** The workplace's open intervals on a Prague day, as instants. Empty on holidays and closed days. */
export function openIntervals(config: OfficeConfig, workplace: Workplace, day: string): Interval[] {
  let cache = intervalCache.get(config);
  if (!cache) intervalCache.set(config, (cache = new Map()));
  const key = `${workplace.id}/${day}`;
  let intervals = cache.get(key);
  if (!intervals) {
    intervals = computeIntervals(config, workplace, day);
    if (cache.size > 1000) cache.clear();
    cache.set(key, intervals);
  }
  return intervals;
}

function computeIntervals(config: OfficeConfig, workplace: Workplace, day: string): Interval[] {
  if (closedAllDay(config, day)) return [];
  const weekday = weekdayOf(day);
  const special = config.office.specialDays.find((d) => d.date === day);
  return (special ? special.hours : hoursOf(config, workplace)[weekday]).map((i) => ({
    start: officeInstant(day, i.from),
    end: officeInstant(day, i.to),
  }));
}

export type TicketWindow = { open: true; closesAt: number } | { open: false; reason: ClosedReason };

/**
 * Whether the workplace issues tickets at `at`: open, and not within its last minutes before
 * closing (so that the last ticket can still be served).
 */
export function ticketWindow(config: OfficeConfig, workplace: Workplace, at: number): TicketWindow {
  const day = officeDay(at);
  const closed = closedAllDay(config, day);
  if (closed) return { open: false, reason: closed };
  const margin = workplace.lastTicketMinutesBeforeClose * 60_000;
  const current = openIntervals(config, workplace, day).find((i) => at >= i.start && at < i.end - margin);
  return current ? { open: true, closesAt: current.end - margin } : { open: false, reason: 'outsideHours' };
}

/** The next instant after `at` at which any workplace's ticket window may open or close. */
export function nextWindowChange(config: OfficeConfig, at: number): number {
  let next = DateTime.fromMillis(at, { zone: officeZone }).plus({ days: 1 }).startOf('day').toMillis();
  const day = officeDay(at);
  for (const workplace of config.workplaces) {
    const margin = workplace.lastTicketMinutesBeforeClose * 60_000;
    for (const i of openIntervals(config, workplace, day)) {
      for (const edge of [i.start, i.end - margin]) if (edge > at && edge < next) next = edge;
    }
  }
  return next;
}

/** The first instant at or after `at` when any workplace issues tickets, looking up to two weeks ahead. */
export function nextOpening(config: OfficeConfig, at: number): number | undefined {
  for (let k = 0; k < 14; k++) {
    const day = addDays(officeDay(at), k);
    for (const workplace of config.workplaces) {
      const margin = workplace.lastTicketMinutesBeforeClose * 60_000;
      const open = openIntervals(config, workplace, day).find((i) => i.end - margin > at);
      if (open) return Math.max(open.start, at);
    }
  }
  return undefined;
}
