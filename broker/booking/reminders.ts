import { addDays, officeInstant, openIntervals } from '../../shared/calendar/office-calendar.ts';
import { workplaceOf } from '../../shared/config/lookups.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { BookingContext } from './booking-rules.ts';
import { isSuspended } from './booking-rules.ts';
import type { Booking } from './booking-state.ts';

/** The longest run of closed days looked past (Christmas to New Year, with weekends). */
const lookBackDays = 30;

/**
 * When a booking's reminder is due: `workingDaysBefore` days on which its workplace is open, before
 * the appointment's day, at the configured Prague wall-clock time (so 14:00 is 14:00 on both sides
 * of a change to or from summer time). Undefined when reminders are off.
 */
export function reminderAt(config: OfficeConfig, booking: Pick<Booking, 'day' | 'workplaceId'>): number | undefined {
  const { enabled, workingDaysBefore, at } = config.booking.reminder;
  if (!enabled) return undefined;
  const workplace = workplaceOf(config, booking.workplaceId);
  let day = booking.day;
  let left = workingDaysBefore;
  for (let k = 0; k < lookBackDays && left > 0; k++) {
    day = addDays(day, -1);
    if (openIntervals(config, workplace, day).length > 0) left -= 1;
  }
  return left === 0 ? officeInstant(day, at) : undefined;
}

/**
 * The confirmed bookings whose reminder is due now and not yet sent: with an e-mail address (or a
 * number the citizen wanted text messages at), made
 * before the reminder's moment (a booking for tomorrow made this evening needs none), the
 * appointment still ahead, and booking not suspended for its workplace unless the office chose to
 * remind anyway. `remindedAt` is the durable record that it went: set in the same write that queues it.
 */
export function dueReminders({ config, state, now }: BookingContext): Readonly<Booking>[] {
  return [...state.bookings.values()].filter((b) => {
    const reachable = b.person?.email || (b.sms && b.person?.phone && config.sms.send.reminder);
    if (b.status !== 'confirmed' || b.remindedAt !== undefined || !reachable || b.startsAt <= now) return false;
    const at = reminderAt(config, b);
    if (at === undefined || at > now || (b.confirmedAt ?? b.createdAt) >= at) return false;
    return config.booking.reminder.duringSuspension || !isSuspended(state, b.workplaceId);
  });
}
