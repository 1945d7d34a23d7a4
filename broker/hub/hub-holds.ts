import type pg from 'pg';
import { officeDay } from '../../shared/calendar/office-calendar.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import * as rules from '../booking/booking-rules.ts';
import type { Booking } from '../booking/booking-state.ts';
import { HubBook } from './hub-book.ts';

/**
 * A hold at the hub alone, without the site around it (no proof of work, no mail): the race and
 * kill -9 tests and the hold-cost bench measure the store and its locks with it. The site's hold
 * (hub-desk.ts) is the same change with the link mail queued in it.
 */
export class HubHolds {
  private readonly book: HubBook;

  constructor(pool: pg.Pool, draw: rules.Draw) {
    this.book = new HubBook(pool, draw);
  }

  hold(officeId: string, config: OfficeConfig, input: rules.HoldInput, now: number): Promise<rules.BookingOutcome<Readonly<Booking>>> {
    const day = officeDay(input.startsAt);
    const office = { id: officeId, config, suspension: null, addressSalt: 'hub' };
    const counts = { serviceId: input.serviceId, from: day, to: day, emailKey: input.person.emailKey, clientKey: input.clientKey };
    return this.book.change(office, { counts }, now, (ctx) => rules.hold(ctx, input));
  }
}
