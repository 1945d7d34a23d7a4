import { type HubBooking, type HubReport, officeBookingState } from '../../shared/contract/hub.ts';
import type { BookingContext } from './booking-rules.ts';
import type { Booking } from './booking-state.ts';
import { horizon } from './slots.ts';

/**
 * An office in hub mode keeps a copy of each booking made at the hub, so its kiosks check codes in
 * without the line to the hub. A message is applied only when it is newer than the copy (`hubVersion`):
 * one delivered twice, late, or after a newer one changes nothing. What the office itself recorded
 * wins over the hub: a booking checked in or cancelled here stays so, whatever the hub says after.
 * Returns whether the copy changed.
 */
export function applyHubBooking(ctx: BookingContext, { version, booking }: HubBooking): boolean {
  const current = ctx.state.bookings.get(booking.id);
  if (current && (current.hubVersion ?? 0) >= version) return false;
  // A check-in here, or the office staff's cancellation here (reported to the hub, which then cancels too).
  if (current?.status === 'checkedIn' || (current?.status === 'cancelled' && current.hubCancelNotify !== undefined)) {
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
    // What was reported of it stays reported (the hub's own sweep may send it lapsed after the office found it so).
    ...(current?.hubReported ? { hubReported: current.hubReported } : {}),
    ...(code ? { code } : {}),
    // No address: the office mails nobody about a booking the hub made.
    ...(name ? { person: { name, email: '', emailKey: '' } } : {}),
  };
  ctx.state.bookings.set(booking.id, copy);
  return true;
}

/**
 * What the office has not yet reported: of the hub's bookings of `days`, their check-ins and
 * no-shows; of its own bookings (its staff's, for callers) of those days and of the booking horizon,
 * each one's newest state, so the hub counts its place.
 */
export function bookingReports(ctx: BookingContext, days: readonly string[]): HubReport[] {
  const hubs = days.flatMap((day) =>
    ctx.state.bookings.onDay(day).flatMap((b): HubReport[] => {
      if (b.hubVersion === undefined || b.hubReported === b.status) return [];
      if (b.status === 'checkedIn') return [{ kind: 'checkIn', bookingId: b.id, ticketNumber: b.ticketNumber!, checkedInAt: b.checkedInAt! }];
      // When the office found it lapsed: its sweep runs every minute.
      if (b.status === 'lapsed') return [{ kind: 'noShow', bookingId: b.id, lapsedAt: ctx.now }];
      // Cancelled by the office's staff (a cancellation the hub sent has no `hubCancelNotify`).
      if (b.status === 'cancelled' && b.hubCancelNotify !== undefined) return [{ kind: 'cancelled', bookingId: b.id, cancelledAt: b.cancelledAt!, notify: b.hubCancelNotify }];
      return [];
    }),
  );
  const own = [...new Set([...days, ...horizon(ctx.config, ctx.now)])].flatMap((day) =>
    ctx.state.bookings.onDay(day).flatMap((b): HubReport[] => {
      if (b.hubVersion !== undefined || b.status === 'held' || b.hubReportedState === officeBookingState(b)) return [];
      return [{ kind: 'officeBooking', bookingId: b.id, serviceId: b.serviceId, day: b.day, startsAt: b.startsAt, status: b.status, online: !b.bookedBy }];
    }),
  );
  return [...hubs, ...own];
}

/** Once the reports are in the uplink's outbox: the bookings they were about are not reported again. */
export function markReported(ctx: BookingContext, reports: readonly HubReport[]): boolean {
  let changed = false;
  for (const report of reports) {
    if (report.kind === 'officeBooking') {
      const current = ctx.state.bookings.get(report.bookingId);
      const state = officeBookingState(report);
      // Changed again since the report was made: its newer state is reported next.
      if (!current || officeBookingState(current) !== state) continue;
      ctx.state.bookings.update(report.bookingId, (b) => Object.assign(b, { hubReportedState: state }));
      changed = true;
      continue;
    }
    if (report.kind !== 'checkIn' && report.kind !== 'noShow' && report.kind !== 'cancelled') continue;
    const status = report.kind === 'checkIn' ? 'checkedIn' : report.kind === 'noShow' ? 'lapsed' : 'cancelled';
    if (ctx.state.bookings.get(report.bookingId)?.status !== status) continue;
    ctx.state.bookings.update(report.bookingId, (b) => Object.assign(b, { hubReported: status }));
    changed = true;
  }
  return changed;
}
