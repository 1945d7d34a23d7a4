import type { HubBooking, HubCheckIn } from '../../shared/contract/hub.ts';
import type { BookingContext } from './booking-rules.ts';
import type { Booking } from './booking-state.ts';

/**
 * An office in hub mode keeps a copy of each booking made at the hub, so its kiosks check codes in
 * without the line to the hub. A message is applied only when it is newer than the copy (`hubVersion`):
 * one delivered twice, late, or after a newer one changes nothing. What the office itself recorded
 * wins over the hub: a booking checked in here stays checked in, whatever the hub says after.
 * Returns whether the copy changed.
 */
export function applyHubBooking(ctx: BookingContext, { version, booking }: HubBooking): boolean {
  const current = ctx.state.bookings.get(booking.id);
  if (current && (current.hubVersion ?? 0) >= version) return false;
  if (current?.status === 'checkedIn') {
    ctx.state.bookings.update(booking.id, (b) => Object.assign(b, { hubVersion: version }));
    return true;
  }
  const { name, code, ...fields } = booking;
  const copy: Booking = {
    ...fields,
    // Nothing at the office answers to it: the citizen's links lead to the hub.
    confirmToken: ctx.draw.token(),
    heldUntil: 0,
    icsSequence: 0,
    hubVersion: version,
    ...(code ? { code } : {}),
    // No address: the office mails nobody about a booking the hub made.
    ...(name ? { person: { name, email: '', emailKey: '' } } : {}),
  };
  ctx.state.bookings.set(booking.id, copy);
  return true;
}

/** The check-ins `checkIns` (the engine's record: booking → ticket) adds to the hub's bookings, to report. */
export function hubCheckIns(ctx: BookingContext, checkIns: Readonly<Record<string, string>>): HubCheckIn[] {
  return Object.entries(checkIns).flatMap(([bookingId, ticketNumber]) => {
    const b = ctx.state.bookings.get(bookingId);
    return b?.hubVersion !== undefined && b.status !== 'checkedIn' ? [{ bookingId, ticketNumber, checkedInAt: ctx.now }] : [];
  });
}
