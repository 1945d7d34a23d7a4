import { createHash } from 'node:crypto';
import { officeDay, officeHour } from '../../shared/calendar/office-calendar.ts';
import type { Booking, BookingState, SmsCounts } from './booking-state.ts';
import type { SmsCell } from './outbox-queue.ts';

export const smsCellOf = (booking: Pick<Booking, 'day' | 'serviceId' | 'startsAt'>): SmsCell => ({ day: booking.day, serviceId: booking.serviceId, hour: officeHour(booking.startsAt) });

export function countSms(state: BookingState, cell: SmsCell, what: keyof SmsCounts): void {
  const key = `${cell.serviceId}/${cell.hour}`;
  const day = state.sms.counts.get(cell.day) ?? {};
  const counts = day[key] ?? { sent: 0, delivered: 0, failed: 0, limited: 0 };
  state.sms.counts.set(cell.day, { ...day, [key]: { ...counts, [what]: counts[what] + 1 } });
}

/** The number as the limits count it: keyed with the file's salt, so the count is kept without the number. */
const numberKey = (state: BookingState, e164: string): string => createHash('sha256').update(`${state.addressSalt}/sms/${e164}`).digest('base64url').slice(0, 22);

/**
 * Whether one more message may go to `to` today under the office's limits (in all, and per number);
 * taken from today's allowance if so, counted as limited if not. The allowance starts again each
 * Prague day.
 */
export function takeAllowance(state: BookingState, limits: { perDay: number; perNumberPerDay: number }, to: string, cell: SmsCell, now: number): boolean {
  const today = officeDay(now);
  if (state.sms.usage.day !== today) state.sms.usage = { day: today, total: 0, perNumber: {} };
  const usage = state.sms.usage;
  const key = numberKey(state, to);
  if (usage.total >= limits.perDay || (usage.perNumber[key] ?? 0) >= limits.perNumberPerDay) {
    countSms(state, cell, 'limited');
    return false;
  }
  usage.total += 1;
  usage.perNumber[key] = (usage.perNumber[key] ?? 0) + 1;
  return true;
}

/** What a ticket's messages are filed under in the outbox folder. */
export const ticketAbout = (token: string): string => `ticket-${token}`;

/** At the day's end: the numbers typed on tickets' pages go (their `about`s, for the outbox's copies), and counts older than the bookings' retention. */
export function sweepSms(state: BookingState, now: number, retentionDays: number): { changed: boolean; forgotten: string[] } {
  const today = officeDay(now);
  const forgotten: string[] = [];
  for (const [token, ticket] of [...state.sms.tickets.entries()]) {
    if (ticket.day === today) continue;
    state.sms.tickets.delete(token);
    forgotten.push(ticketAbout(token));
  }
  let changed = forgotten.length > 0;
  const oldest = officeDay(now - (retentionDays + 1) * 86_400_000);
  for (const [day] of [...state.sms.counts.entries()]) {
    if (day >= oldest) continue;
    state.sms.counts.delete(day);
    changed = true;
  }
  return { changed, forgotten };
}
