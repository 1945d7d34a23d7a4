import type pg from 'pg';
import type { Booking } from '../booking/booking-state.ts';
import type { DayAggregate } from '../statistics/day-aggregate.ts';

/** The finished days the offices reported (hub_office_days), of one office or of all (null), by office. */
export async function reportedDays(pool: pg.Pool, officeId: string | null, from: string, to: string): Promise<Map<string, DayAggregate[]>> {
  const { rows } = await pool.query<{ office_id: string; day: string; cells: DayAggregate['cells'] }>(
    `SELECT office_id, to_char(day, 'YYYY-MM-DD') AS day, cells FROM hub_office_days
      WHERE day BETWEEN $1 AND $2 AND ($3::text IS NULL OR office_id = $3) ORDER BY office_id, day`,
    [from, to, officeId],
  );
  const byOffice = new Map<string, DayAggregate[]>();
  for (const row of rows) {
    let days = byOffice.get(row.office_id);
    if (!days) byOffice.set(row.office_id, (days = []));
    days.push({ day: row.day, cells: row.cells });
  }
  return byOffice;
}

/** An office's bookings made at the hub for one day, whole (the office's own staff bookings are known here only as places). */
export async function dayBookings(pool: pg.Pool, officeId: string, day: string): Promise<Booking[]> {
  const { rows } = await pool.query<{ record: Booking }>('SELECT record FROM hub_bookings WHERE office_id = $1 AND day = $2 ORDER BY starts_at, id', [officeId, day]);
  return rows.map((row) => row.record);
}

/** An office's confirmed bookings made at the hub whose appointment is still ahead, with their workplace (the crisis switch's scope). */
export async function upcomingBookings(pool: pg.Pool, officeId: string, now: number): Promise<{ id: string; workplaceId: string }[]> {
  const { rows } = await pool.query<{ id: string; workplace_id: string }>(
    "SELECT id, record->>'workplaceId' AS workplace_id FROM hub_bookings WHERE office_id = $1 AND status = 'confirmed' AND starts_at > $2 ORDER BY starts_at, id",
    [officeId, now],
  );
  return rows.map((row) => ({ id: row.id, workplaceId: row.workplace_id }));
}
