import type pg from 'pg';
import type { Booking } from '../booking/booking-state.ts';
import { inTransaction } from '../store/pg/transaction.ts';
import { officeCopy } from './hub-book.ts';

/**
 * Puts every booking of the office from `from` on back on its feed, each with a new version: for an
 * office whose broker session is new and missed what was sent before it subscribed. The rows are
 * read FOR SHARE, so a booking changed at the same moment is either read as changed or changed after
 * this, with a newer version: a resent copy never overtakes a newer one.
 */
export function resendToOffice(pool: pg.Pool, officeId: string, from: string): Promise<number> {
  return inTransaction(pool, async (db) => {
    const { rows } = await db.query<{ record: Booking }>("SELECT record FROM hub_bookings WHERE office_id = $1 AND day >= $2 AND status <> 'held' FOR SHARE", [officeId, from]);
    await db.query(
      `INSERT INTO hub_office_feed (office_id, booking_id, version, booking)
         SELECT $1, id, nextval('hub_booking_versions'), copy FROM unnest($2::text[], $3::jsonb[]) AS resent (id, copy)
       ON CONFLICT (office_id, booking_id) DO UPDATE SET version = EXCLUDED.version, booking = EXCLUDED.booking`,
      [officeId, rows.map((r) => r.record.id), rows.map((r) => officeCopy(r.record))],
    );
    return { commit: true, value: rows.length };
  });
}
