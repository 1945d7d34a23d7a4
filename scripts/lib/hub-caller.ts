import * as rules from '../../broker/booking/booking-rules.ts';
import type { Booking } from '../../broker/booking/booking-state.ts';
import { callerOf } from '../../broker/booking/citizen-replies.ts';
import type { HubBook, HubOffice } from '../../broker/hub/hub-book.ts';
import { officeDay } from '../../shared/calendar/office-calendar.ts';

/** A caller booked by the hub's staff at `now` (confirmed at once, with a code), as the simulations and tests seed the hub. */
export async function bookCallerAtHub(book: HubBook, office: HubOffice, call: { serviceId: string; startsAt: number; name: string; email?: string }, now: number): Promise<Readonly<Booking>> {
  const day = officeDay(call.startsAt);
  const outcome = await book.change(office, { counts: { serviceId: call.serviceId, from: day, to: day } }, now, (ctx) =>
    rules.bookForCaller(ctx, {
      serviceId: call.serviceId,
      startsAt: call.startsAt,
      person: callerOf(call),
      language: 'cs',
      bookedBy: 'hub-staff',
    }),
  );
  if (!outcome.ok) throw new Error(`no booking at the hub for ${call.serviceId} at ${new Date(call.startsAt).toISOString()}: ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}
