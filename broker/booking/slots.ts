import { DateTime } from 'luxon';
import { addDays, closedAllDay, officeDay, officeInstant, officeZone, openIntervals, weekdayOf } from '../../shared/calendar/office-calendar.ts';
import { workplaceOf } from '../../shared/config/lookups.ts';
import type { OfficeConfig, Service } from '../../shared/config/schema.ts';
import type { BookingDay, BookingSlot, DayUnavailable } from '../../shared/contract/booking-api.ts';
import { type Booking, type BookingState, occupies } from './booking-state.ts';

// Every look at a day's slots names each slot's time: the same few hundred instants, named once.
const times = new Map<number, string>();
function timeOf(at: number): string {
  let time = times.get(at);
  if (time === undefined) {
    time = DateTime.fromMillis(at, { zone: officeZone }).toFormat('H:mm');
    if (times.size > 10_000) times.clear();
    times.set(at, time);
  }
  return time;
}

/** The online places of a service on a Prague day, by its weekday. */
export function onlinePlaces(service: Service, day: string): number {
  return service.booking?.onlinePlaces[weekdayOf(day)] ?? 0;
}

/** Appointment starts: every slotMinutes from each opening of the workplace, the last ending by its close. */
export function slotStarts(config: OfficeConfig, service: Service, day: string): number[] {
  const step = (service.booking?.slotMinutes ?? 0) * 60_000;
  if (step === 0) return [];
  const workplace = workplaceOf(config, service.workplaceId);
  const starts: number[] = [];
  for (const interval of openIntervals(config, workplace, day)) {
    for (let t = interval.start; t + step <= interval.end; t += step) starts.push(t);
  }
  return starts;
}

/**
 * The days that can be booked: today and the next `horizonDays` Prague calendar days (so with 30,
 * the 30th day after today is the last), counted by the calendar, right across DST changes. The
 * last of them opens at `newDaysOpenAt`; before that time the horizon ends a day earlier.
 */
export function horizon(config: OfficeConfig, now: number): string[] {
  return Array.from({ length: daysAhead(config, now) + 1 }, (_, k) => addDays(officeDay(now), k));
}

/** Whether a day is one of the horizon's (asked by every hold: without building the list). */
export function withinHorizon(config: OfficeConfig, now: number, day: string): boolean {
  const today = officeDay(now);
  return day >= today && day <= addDays(today, daysAhead(config, now));
}

const daysAhead = (config: OfficeConfig, now: number) => Math.max(0, config.booking.horizonDays - (newDayOpen(config, now) ? 0 : 1));

/** Whether today's new last day of the horizon is open yet (always, with the default midnight). */
export const newDayOpen = (config: OfficeConfig, now: number): boolean => now >= officeInstant(officeDay(now), config.booking.newDaysOpenAt);

/** `total`: the day's online places used; `perSlot`: every place taken in each slot, staff bookings included. */
interface Taken {
  total: number;
  perSlot: Map<number, number>;
}

/**
 * Whether a booking uses one of its day's online places (the seed: so many places a day are set
 * aside for booking over the internet). Only bookings made online do: a caller booked by staff
 * takes a place of its slot, never one of the internet's. Once made, an online booking keeps its
 * place in the day's count when it is checked in or lapses as a no-show: the day's online bookings
 * never exceed its online places, and a no-show at 9:30 does not open a tenth place at 14:00.
 */
const usesOnlinePlace = (b: Readonly<Booking>, now: number) => !b.bookedBy && (occupies(b, now) || b.status === 'lapsed');

/** Places taken on a day, and per slot start within it, for one service; `except`: as if that booking were not there. */
function takenOn(state: BookingState, serviceId: string, day: string, now: number, except?: string): Taken {
  const taken: Taken = { total: 0, perSlot: new Map() };
  for (const b of state.bookings.ofServiceOnDay(serviceId, day)) {
    if (b.id === except) continue;
    if (usesOnlinePlace(b, now)) taken.total++;
    if (occupies(b, now)) taken.perSlot.set(b.startsAt, (taken.perSlot.get(b.startsAt) ?? 0) + 1);
  }
  return taken;
}

/** The free slots of a day within the horizon (those starting after the minimum lead), each with its free places. */
export function daySlots(config: OfficeConfig, state: BookingState, service: Service, day: string, now: number): BookingSlot[] {
  if (!withinHorizon(config, now, day)) return [];
  return freeStarts(config, service, day, now, takenOn(state, service.id, day, now)).map(({ startsAt, free }) => ({ startsAt, time: timeOf(startsAt), free }));
}

/** Whether a hold or a move may take this start: the check of daySlots for one slot, without naming every slot's time; `except`: as if that booking were not there (a move). */
export function slotFree(config: OfficeConfig, state: BookingState, service: Service, startsAt: number, now: number, except?: string): boolean {
  const day = officeDay(startsAt);
  return withinHorizon(config, now, day) && freeStarts(config, service, day, now, takenOn(state, service.id, day, now, except)).some((s) => s.startsAt === startsAt);
}

function freeStarts(config: OfficeConfig, service: Service, day: string, now: number, taken: Taken): { startsAt: number; free: number }[] {
  const left = onlinePlaces(service, day) - taken.total;
  if (left <= 0) return [];
  const earliest = now + config.booking.minLeadMinutes * 60_000;
  const perSlotPlaces = service.booking?.placesPerSlot ?? 0;
  return slotStarts(config, service, day)
    .filter((t) => t >= earliest)
    .map((t) => ({ startsAt: t, free: Math.min(perSlotPlaces - (taken.perSlot.get(t) ?? 0), left) }))
    .filter((s) => s.free > 0);
}

/**
 * The slots staff may book for a caller: every slot still to come with a free place, the online
 * quota aside (it is what is set aside for the internet), and while online booking is suspended too.
 */
export function staffSlots(config: OfficeConfig, state: BookingState, service: Service, day: string, now: number): BookingSlot[] {
  const taken = takenOn(state, service.id, day, now);
  const perSlotPlaces = service.booking?.placesPerSlot ?? 0;
  return slotStarts(config, service, day)
    .filter((t) => t > now)
    .map((t) => ({ startsAt: t, time: timeOf(t), free: perSlotPlaces - (taken.perSlot.get(t) ?? 0) }))
    .filter((s) => s.free > 0);
}

/** Every day of the horizon with its free places, or why it cannot be booked. */
export function bookingDays(config: OfficeConfig, state: BookingState, service: Service, now: number): BookingDay[] {
  return horizon(config, now).map((day) => {
    const unavailable = closedReason(config, service, day);
    if (unavailable) return { day, free: 0, unavailable };
    const taken = takenOn(state, service.id, day, now);
    const left = onlinePlaces(service, day) - taken.total;
    const free = Math.min(
      left,
      freeStarts(config, service, day, now, taken).reduce((n, s) => n + s.free, 0),
    );
    if (free > 0) return { day, free };
    // A day whose last slot is within the lead is over for booking; otherwise it is full.
    const lastSlot = slotStarts(config, service, day).at(-1)!;
    return { day, free: 0, unavailable: left > 0 && lastSlot < now + config.booking.minLeadMinutes * 60_000 ? 'past' : 'full' };
  });
}

function closedReason(config: OfficeConfig, service: Service, day: string): DayUnavailable | undefined {
  const closed = closedAllDay(config, day);
  if (closed) return closed === 'holiday' ? 'holiday' : 'closedDay';
  if (slotStarts(config, service, day).length === 0) return 'closed';
  if (onlinePlaces(service, day) === 0) return 'noOnlinePlaces';
  return undefined;
}
