import { addDays, officeDay } from '../../shared/calendar/office-calendar.ts';
import type { BookingSummary } from '../../shared/contract/booking-api.ts';
import type { BookedRef } from '../engine/journal-entry.ts';
import type { Booking, BookingState } from './booking-state.ts';

/**
 * What the bookings say, read without changing them: each question asked in one place, whoever
 * asks it (the citizen's pages, the staff list, the kiosk's code, the call order).
 */

const refOf = (b: Readonly<Booking>): BookedRef => ({ id: b.id, serviceId: b.serviceId, startsAt: b.startsAt });

export const byConfirmToken = (state: BookingState, token: string): Readonly<Booking> | undefined => state.bookings.withToken(token).find((b) => b.status !== 'cancelled');

/** What the e-mailed link's page shows: held (until when), expired (swept or not yet), or confirmed. */
export function summaryOf(state: BookingState, token: string, now: number): BookingSummary | undefined {
  const booking = byConfirmToken(state, token);
  const lapsed = state.lapsedHolds.get(token);
  if (!booking) return lapsed && { serviceId: lapsed.serviceId, startsAt: lapsed.startsAt, state: 'expired' };
  const stage = booking.status !== 'held' ? 'confirmed' : booking.heldUntil <= now ? 'expired' : 'held';
  return { serviceId: booking.serviceId, startsAt: booking.startsAt, state: stage, ...(stage === 'held' ? { heldUntil: booking.heldUntil } : {}) };
}

/** A confirmed booking still to come, by its code and the e-mail it was made with; a wrong e-mail looks like an unknown code. */
export function findForCancel(state: BookingState, code: string, emailKey: string): Readonly<Booking> | undefined {
  return state.bookings.withCode(code).find((b) => b.status === 'confirmed' && b.person?.emailKey === emailKey);
}

/** For the kiosk: the booking a code belongs to, if it is confirmed, used or lapsed (so the kiosk says "used" or "too late", not "unknown"). */
export function findByCode(state: BookingState, code: string): BookedRef | undefined {
  let found: Readonly<Booking> | undefined;
  for (const b of state.bookings.withCode(code)) {
    if (b.status === 'confirmed') return refOf(b);
    if (b.status === 'checkedIn' || b.status === 'lapsed') found = b;
  }
  return found && refOf(found);
}

/** Confirmed bookings of these services whose time is in (from, to]: the call order keeps their times. */
export function dueBetween(state: BookingState, serviceIds: readonly string[], from: number, to: number): BookedRef[] {
  const days: string[] = [];
  for (let day = officeDay(from); day <= officeDay(to); day = addDays(day, 1)) days.push(day);
  return days
    .flatMap((day) => state.bookings.onDay(day))
    .filter((b) => b.status === 'confirmed' && b.startsAt > from && b.startsAt <= to && serviceIds.includes(b.serviceId))
    .map(refOf);
}

/** Every booking of a Prague day that is still kept, holds and cancelled ones included, by time. */
export function ofDay(state: BookingState, day: string): Readonly<Booking>[] {
  return state.bookings.onDay(day).sort((a, b) => a.startsAt - b.startsAt || a.createdAt - b.createdAt);
}
