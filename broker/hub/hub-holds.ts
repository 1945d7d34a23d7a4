import type pg from 'pg';
import { officeDay } from '../../shared/calendar/office-calendar.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { refused } from '../../shared/contract/result.ts';
import * as rules from '../booking/booking-rules.ts';
import { type Booking, emptyBookingState } from '../booking/booking-state.ts';
import { inTransaction } from '../store/pg/transaction.ts';

/**
 * Holds at the hub, where several stateless booking processes share one PostgreSQL: each hold is
 * one transaction that takes advisory transaction locks on everything the rule counts (the
 * service's day, the e-mail, the client address; in one order, so two holds never wait on each
 * other crosswise), loads just those bookings, runs the same pure rule as an office server
 * (booking-rules.ts `hold`) and inserts the new one. Two holds for the last place therefore run
 * one after the other, whichever process took them: exactly one wins.
 */
export class HubHolds {
  constructor(
    private readonly pool: pg.Pool,
    private readonly draw: rules.Draw,
  ) {}

  async hold(officeId: string, config: OfficeConfig, input: rules.HoldInput, now: number): Promise<rules.BookingOutcome<Booking>> {
    const day = officeDay(input.startsAt);
    try {
      return await inTransaction<rules.BookingOutcome<Readonly<Booking>>>(this.pool, async (client) => {
        const keys = [`day/${officeId}/${input.serviceId}/${day}`, `email/${officeId}/${input.person.emailKey}`, `client/${officeId}/${input.clientKey}`].sort();
        for (const key of keys) await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
        // Only what the rule counts (the places of the day, the limits per e-mail and address), not
        // the whole records: a busy day's hundred bookings are read at every hold.
        const { rows } = await client.query<{ record: Booking }>(
          `SELECT jsonb_build_object('id', id, 'serviceId', service_id, 'day', to_char(day, 'YYYY-MM-DD'), 'startsAt', starts_at, 'status', status,
                    'heldUntil', held_until, 'bookedBy', record->'bookedBy', 'clientKey', client_key, 'person', jsonb_build_object('emailKey', email_key)) AS record
             FROM hub_bookings WHERE office_id = $1
              AND ((service_id = $2 AND day = $3 AND status IN ('held', 'confirmed', 'checkedIn', 'lapsed'))
                OR ((email_key = $4 OR client_key = $5) AND status IN ('held', 'confirmed', 'checkedIn')))`,
          [officeId, input.serviceId, day, input.person.emailKey, input.clientKey],
        );
        const state = emptyBookingState('hub');
        // Lapsed online bookings still count against the day's online places (slots.ts usesOnlinePlace).
        for (const { record } of rows) state.bookings.set(record.id, stripNulls(record));
        const outcome = rules.hold({ config, state, now, draw: this.draw }, input);
        if (!outcome.ok) return { commit: false, value: outcome };
        const b = outcome.data;
        await client.query('INSERT INTO hub_bookings (id, office_id, service_id, day, starts_at, status, held_until, email_key, client_key, record) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', [
          b.id,
          officeId,
          b.serviceId,
          b.day,
          b.startsAt,
          b.status,
          b.heldUntil,
          b.person?.emailKey ?? '',
          b.clientKey ?? null,
          JSON.stringify(b),
        ]);
        return { commit: true, value: outcome };
      });
    } catch (error) {
      // Not stored (the server away, the connection dropped): the citizen is told nothing was saved; the log has why.
      return refused('storageFailed', String(error));
    }
  }
}

/** jsonb_build_object writes a missing `bookedBy` as null; the rules read absent fields as undefined. */
function stripNulls(record: Booking): Booking {
  if (record.bookedBy === null) delete record.bookedBy;
  return record;
}
