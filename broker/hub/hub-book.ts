import type pg from 'pg';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { HubBooking } from '../../shared/contract/hub.ts';
import { refused } from '../../shared/contract/result.ts';
import type { BookingContext, BookingOutcome, Draw } from '../booking/booking-rules.ts';
import { type Booking, type BookingState, bookingState, type LapsedHold, type Suspension } from '../booking/booking-state.ts';
import { inTransaction, type Statement } from '../store/pg/transaction.ts';
import { leaseMs } from './hub-mail.ts';

/** An office the hub books for, as the booking processes read it (hub-offices.ts). */
export interface HubOffice {
  id: string;
  config: OfficeConfig;
  suspension: Suspension | null;
  addressSalt: string;
}

/**
 * The part of an office's bookings one request needs, since no process holds them all:
 * `counts`, what a rule counts places and limits from (one service's days, with the citizen's and
 * the address's bookings for a hold), read as partial records; `find`, the one booking a rule
 * changes, whole, by its id, its link's token or its code.
 */
export interface HubScope {
  counts?: { serviceId: string; from: string; to: string; emailKey?: string; clientKey?: string };
  find?: { id: string } | { token: string } | { code: string };
  /** The sweep's: holds lapsed by `now`, and bookings of appointments before `retainedFrom` (a batch; those another process is sweeping are skipped). */
  sweep?: { now: number; retainedFrom: number };
}

/** What a booking is counted by; the rest of its record (the person, the links) stays in the database. */
const countedRecord = `jsonb_build_object('id', id, 'serviceId', service_id, 'day', to_char(day, 'YYYY-MM-DD'), 'startsAt', starts_at, 'status', status,
  'heldUntil', held_until, 'bookedBy', record->'bookedBy', 'clientKey', client_key, 'person', jsonb_build_object('emailKey', email_key))`;
const takesPlace = "status IN ('held', 'confirmed', 'checkedIn', 'lapsed')";
const live = "status IN ('held', 'confirmed', 'checkedIn')";
/** The unique index on confirmed codes (migration 004): another process stored the same code first. */
const uniqueViolation = '23505';

type Query = Pick<pg.PoolClient, 'query'>;

/**
 * An office's bookings at the hub, over the shared PostgreSQL: the scope's bookings are loaded into
 * a booking state, the office server's own rule runs on it, and what the rule touched is written
 * back, with the mails it queued, in one transaction. A change first takes advisory locks on what
 * it counts (in one order) and row locks on what it changes, so two changes that could decide
 * against each other run one after the other, in any two processes.
 */
export class HubBook {
  constructor(
    private readonly pool: pg.Pool,
    private readonly draw: Draw,
  ) {}

  /** The scope's bookings to read (no locks): the availability, a link's page. */
  async read(office: HubOffice, scope: HubScope, now: number): Promise<BookingContext> {
    const { state } = await load(this.pool, office, scope, false, now);
    return { config: office.config, state, now, draw: this.draw };
  }

  /** `apply` on the scope's bookings, written back when it accepts; a refusal writes nothing. */
  async change<T>(office: HubOffice, scope: HubScope, now: number, apply: (ctx: BookingContext) => BookingOutcome<T>): Promise<BookingOutcome<T>> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await inTransaction<BookingOutcome<T>>(this.pool, async (client) => {
          const keys = lockKeys(office.id, scope);
          // The locks in one statement, row by row in the array's order; the bookings are read by the
          // next statement, queued right behind it, whose snapshot is taken once every lock is held.
          const [, { state, partial }] = await Promise.all([
            keys.length > 0 ? client.query({ name: 'hub-locks', text: 'SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) AS k', values: [keys] }) : undefined,
            load(client, office, scope, true, now),
          ]);
          const changed = state.bookings.touches(() => state.lapsedHolds.touches(() => apply({ config: office.config, state, now, draw: this.draw })));
          const outcome = changed.result.result;
          // A refusal changed nothing (the rules touch the state only to accept).
          if (!outcome.ok) return { commit: false, value: outcome };
          const writes = [...changeStatements(office.id, state, changed.before.keys(), partial), ...lapsedStatements(office.id, state, changed.result.before.keys())];
          return { commit: true, value: outcome, writes };
        });
      } catch (error) {
        // A code drawn by two processes at once: the later one draws again.
        if ((error as { code?: string }).code === uniqueViolation && attempt < 3) continue;
        // Not stored (the database away, the connection dropped): the citizen is told nothing was saved.
        return refused('storageFailed', String(error));
      }
    }
  }
}

// A change counts one day (from = to: a hold, a reschedule); that day is its lock.
function lockKeys(officeId: string, { counts }: HubScope): string[] {
  if (!counts) return [];
  const keys = [`day/${officeId}/${counts.serviceId}/${counts.from}`];
  if (counts.emailKey) keys.push(`email/${officeId}/${counts.emailKey}`);
  if (counts.clientKey) keys.push(`client/${officeId}/${counts.clientKey}`);
  // In one order, so two changes never wait for each other crosswise.
  return keys.sort();
}

async function load(db: Query, office: HubOffice, scope: HubScope, forUpdate: boolean, now: number): Promise<{ state: BookingState; partial: Set<string> }> {
  const bookings: Record<string, Booking> = {};
  const partial = new Set<string>();
  const lapsed: Record<string, LapsedHold> = {};
  const { counts, find } = scope;
  if (counts) {
    // The citizen's own bookings, as rows (the limits count them by address); the day's places, with
    // the office's own staff bookings (hub_office_bookings), only as counts by slot: what the rules
    // count of them, one row per kind of place however full the day.
    const { rows } = await db.query<{ record: Booking | Places }>({
      name: 'hub-counts',
      text: `SELECT ${countedRecord} AS record FROM hub_bookings WHERE office_id = $1 AND (email_key = $5 OR client_key = $6) AND ${live}
       UNION ALL
       SELECT jsonb_build_object('day', to_char(day, 'YYYY-MM-DD'), 'startsAt', starts_at, 'occupies', occupies, 'online', online, 'lapsed', lapsed, 'n', count(*)) FROM (
         SELECT day, starts_at, CASE WHEN status = 'held' THEN held_until > $7 ELSE status IN ('confirmed', 'checkedIn') END AS occupies,
                record->>'bookedBy' IS NULL AS online, status = 'lapsed' AS lapsed
           FROM hub_bookings WHERE office_id = $1 AND service_id = $2 AND day BETWEEN $3 AND $4 AND ${takesPlace}
            AND NOT coalesce((email_key = $5 OR client_key = $6) AND ${live}, false)
         UNION ALL
         SELECT day, starts_at, status IN ('confirmed', 'checkedIn'), online, status = 'lapsed' FROM hub_office_bookings
          WHERE office_id = $1 AND service_id = $2 AND day BETWEEN $3 AND $4 AND ${takesPlace}
       ) AS places GROUP BY day, starts_at, occupies, online, lapsed`,
      values: [office.id, counts.serviceId, counts.from, counts.to, counts.emailKey ?? null, counts.clientKey ?? null, now],
    });
    for (const { record } of rows) {
      if ('n' in record) {
        for (const place of counted(counts.serviceId, record)) {
          bookings[place.id] = place;
          partial.add(place.id);
        }
        continue;
      }
      // jsonb_build_object writes a missing `bookedBy` as null; the rules read absent fields as undefined.
      if (record.bookedBy === null) delete record.bookedBy;
      bookings[record.id] = record;
      partial.add(record.id);
    }
  }
  if (find) {
    const [where, value] = 'id' in find ? ['id = $2', find.id] : 'token' in find ? ["record->>'confirmToken' = $2", find.token] : ["record->>'code' = $2 AND status = 'confirmed'", find.code];
    const { rows } = await db.query<{ record: Booking }>(`SELECT record FROM hub_bookings WHERE office_id = $1 AND ${where}${forUpdate ? ' FOR UPDATE' : ''}`, [office.id, value]);
    for (const { record } of rows) {
      bookings[record.id] = record;
      partial.delete(record.id);
    }
    if ('token' in find) {
      const lapsedRows = await db.query<{ record: LapsedHold }>('SELECT record FROM hub_lapsed_holds WHERE office_id = $1 AND token = $2', [office.id, find.token]);
      for (const { record } of lapsedRows.rows) lapsed[find.token] = record;
    }
  }
  if (scope.sweep) {
    const { rows } = await db.query<{ record: Booking }>(
      `SELECT record FROM hub_bookings WHERE office_id = $1 AND ((status = 'held' AND held_until <= $2) OR starts_at < $3) LIMIT 500 FOR UPDATE SKIP LOCKED`,
      [office.id, scope.sweep.now, scope.sweep.retainedFrom],
    );
    for (const { record } of rows) bookings[record.id] = record;
  }
  const state = bookingState({ seq: 0, addressSalt: office.addressSalt, bookings, suspension: office.suspension, lapsedHolds: lapsed });
  return { state, partial };
}

/** One kind of place of a slot, counted: taken (a booking or a live hold) or not, online or by staff, lapsed or not. */
interface Places {
  day: string;
  startsAt: number;
  occupies: boolean;
  online: boolean;
  lapsed: boolean;
  n: number;
}

/**
 * Stand-ins for counted places, as the rules count them (slots.ts): each taken place fills its slot,
 * and an online one, or one lapsed online, uses one of the day's online places. Any other place (a
 * staff booking lapsed, a hold run out) counts for nothing and has none.
 */
function counted(serviceId: string, places: Places): Booking[] {
  if (!places.occupies && !(places.lapsed && places.online)) return [];
  return Array.from({ length: places.n }, (_, k) => ({
    id: `counted:${places.startsAt}:${places.occupies}:${places.online}:${places.lapsed}:${k}`,
    serviceId,
    workplaceId: '',
    day: places.day,
    startsAt: places.startsAt,
    status: places.occupies ? 'confirmed' : 'lapsed',
    createdAt: 0,
    heldUntil: 0,
    confirmToken: '',
    language: 'cs',
    icsSequence: 0,
    ...(places.online ? {} : { bookedBy: 'counted' }),
  }));
}

/**
 * What a change writes, in one statement (sent with the COMMIT, since under the day's lock each
 * wait counts, docs/PERFORMANCE.md): the bookings it touched, each with its office's copy, and the mails it
 * queued. The copy's version is drawn only once its booking's row is written (`JOIN written`), so
 * two changes of one booking get their versions in the order they commit. A mail is leased to this
 * process, whose caller sends it at once (hub-mail.ts `send(id, true)`); another process takes one
 * only if it is still there after the lease.
 */
function changeStatements(officeId: string, state: BookingState, touched: Iterable<string>, partial: ReadonlySet<string>): Statement[] {
  const statements: Statement[] = [];
  const rows: Readonly<Booking>[] = [];
  for (const id of touched) {
    const b = state.bookings.get(id);
    // Gone: past retention (the sweep's; rare enough for a statement of its own).
    if (!b) statements.push({ text: 'DELETE FROM hub_bookings WHERE id = $1 AND office_id = $2', values: [id, officeId] });
    // A partial record written back would lose the person and the links: the scope was wrong.
    else if (partial.has(id)) throw new Error(`a rule changed booking ${id}, which its scope had read only in part`);
    else rows.push(b);
  }
  const mails = [...state.outbox.values()];
  if (rows.length === 0 && mails.length === 0) return statements;
  statements.push({
    name: 'hub-write-change',
    text: `WITH written AS (
       INSERT INTO hub_bookings (id, office_id, service_id, day, starts_at, status, held_until, email_key, client_key, record)
         SELECT b.id, $1, b.service_id, b.day, b.starts_at, b.status, b.held_until, b.email_key, b.client_key, b.record
           FROM unnest($2::text[], $3::text[], $4::date[], $5::bigint[], $6::text[], $7::bigint[], $8::text[], $9::text[], $10::jsonb[])
             AS b (id, service_id, day, starts_at, status, held_until, email_key, client_key, record)
       ON CONFLICT (id) DO UPDATE SET service_id = EXCLUDED.service_id, day = EXCLUDED.day, starts_at = EXCLUDED.starts_at, status = EXCLUDED.status,
         held_until = EXCLUDED.held_until, email_key = EXCLUDED.email_key, client_key = EXCLUDED.client_key, record = EXCLUDED.record
       RETURNING id),
     feed AS (
       INSERT INTO hub_office_feed (office_id, booking_id, version, booking)
         SELECT $1, c.id, nextval('hub_booking_versions'), c.copy FROM unnest($2::text[], $11::jsonb[]) AS c (id, copy) JOIN written USING (id) WHERE c.copy IS NOT NULL
       ON CONFLICT (office_id, booking_id) DO UPDATE SET version = EXCLUDED.version, booking = EXCLUDED.booking)
     INSERT INTO hub_outbox (id, office_id, queued, next_attempt_at)
       SELECT m.id, $1, m.queued, m.next_attempt_at FROM unnest($12::text[], $13::jsonb[], $14::bigint[]) AS m (id, queued, next_attempt_at)`,
    values: [
      officeId,
      rows.map((b) => b.id),
      rows.map((b) => b.serviceId),
      rows.map((b) => b.day),
      rows.map((b) => b.startsAt),
      rows.map((b) => b.status),
      rows.map((b) => b.heldUntil),
      rows.map((b) => b.person?.emailKey ?? ''),
      rows.map((b) => b.clientKey ?? null),
      rows.map((b) => JSON.stringify(b)),
      // None for a hold: the office needs confirmed bookings only.
      rows.map((b) => officeCopy(b)),
      mails.map((m) => m.id),
      mails.map((m) => JSON.stringify(m)),
      mails.map((m) => m.nextAttemptAt + leaseMs),
    ],
  });
  return statements;
}

/** What the booking's office keeps of it (shared/contract/hub.ts), as JSON; null for a hold, which the office never needs. */
export function officeCopy(b: Readonly<Booking>): string | null {
  if (b.status === 'held') return null;
  const copy: HubBooking['booking'] = {
    id: b.id,
    serviceId: b.serviceId,
    workplaceId: b.workplaceId,
    day: b.day,
    startsAt: b.startsAt,
    status: b.status,
    createdAt: b.createdAt,
    language: b.language,
    ...(b.code ? { code: b.code } : {}),
    ...(b.person ? { name: b.person.name } : {}),
  };
  return JSON.stringify(copy);
}

function lapsedStatements(officeId: string, state: BookingState, touched: Iterable<string>): Statement[] {
  return [...touched].map((token) => {
    const lapsed = state.lapsedHolds.get(token);
    return lapsed
      ? {
          text: 'INSERT INTO hub_lapsed_holds (office_id, token, record, forget_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
          values: [officeId, token, JSON.stringify(lapsed), lapsed.forgetAt],
        }
      : { text: 'DELETE FROM hub_lapsed_holds WHERE office_id = $1 AND token = $2', values: [officeId, token] };
  });
}
