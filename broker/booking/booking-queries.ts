import type { BookingSummary } from '../../shared/contract/booking-api.ts';
import type { BookedRef } from '../engine/journal-entry.ts';
import type { Booking, BookingState } from './booking-state.ts';

/**
 * What the bookings say, read without changing them: each question asked in one place, whoever
 * asks it (the citizen's pages, the staff list, the kiosk's code, the call order).
 */

const refOf = (b: Booking): BookedRef => ({ id: b.id, serviceId: b.serviceId, startsAt: b.startsAt });

export const byConfirmToken = (state: BookingState, token: string): Booking | undefined => Object.values(state.bookings).find((b) => b.confirmToken === token && b.status !== 'cancelled');

/** What the e-mailed link's page shows: held (until when), expired (swept or not yet), or confirmed. */
export function summaryOf(state: BookingState, token: string, now: number): BookingSummary | undefined {
  const booking = byConfirmToken(state, token);
  const lapsed = state.lapsedHolds[token];
  if (!booking) return lapsed && { serviceId: lapsed.serviceId, startsAt: lapsed.startsAt, state: 'expired' };
  const stage = booking.status !== 'held' ? 'confirmed' : booking.heldUntil <= now ? 'expired' : 'held';
  return { serviceId: booking.serviceId, startsAt: booking.startsAt, state: stage, ...(stage === 'held' ? { heldUntil: booking.heldUntil } : {}) };
}

/** A confirmed booking still to come, by its code and the e-mail it was made with; a wrong e-mail looks like an unknown code. */
export function findForCancel(state: BookingState, code: string, emailKey: string): Booking | undefined {
  return Object.values(state.bookings).find((b) => b.code === code && b.status === 'confirmed' && b.person?.emailKey === emailKey);
}

/** For the kiosk: the booking a code belongs to, if it is confirmed, used or lapsed (so the kiosk says "used" or "too late", not "unknown"). */
export function findByCode(state: BookingState, code: string): BookedRef | undefined {
  let found: Booking | undefined;
  for (const b of Object.values(state.bookings)) {
    if (b.code !== code) continue;
    if (b.status === 'confirmed') return refOf(b);
    if (b.status === 'checkedIn' || b.status === 'lapsed') found = b;
  }
  return found && refOf(found);
}

/** Confirmed bookings of these services whose time is in (from, to]: the call order keeps their times. */
export function dueBetween(state: BookingState, serviceIds: readonly string[], from: number, to: number): BookedRef[] {
  return Object.values(state.bookings)
    .filter((b) => b.status === 'confirmed' && b.startsAt > from && b.startsAt <= to && serviceIds.includes(b.serviceId))
    .map(refOf);
}

/** Every booking of a Prague day that is still kept, holds and cancelled ones included, by time. */
export function ofDay(state: BookingState, day: string): Booking[] {
  return Object.values(state.bookings)
    .filter((b) => b.day === day)
    .sort((a, b) => a.startsAt - b.startsAt || a.createdAt - b.createdAt);
}
