import { randomBytes, randomInt } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import type { BookingJournalEntry } from '../../broker/booking/booking-journal.ts';
import { BookingLedger } from '../../broker/booking/booking-ledger.ts';
import { holdMail } from '../../broker/booking/booking-mails.ts';
import * as rules from '../../broker/booking/booking-rules.ts';
import type { Booking, BookingFile } from '../../broker/booking/booking-state.ts';
import { emailKey } from '../../broker/booking/email-key.ts';
import { slotStarts } from '../../broker/booking/slots.ts';
import { HubHolds } from '../../broker/hub/hub-holds.ts';
import { createLogger } from '../../broker/log.ts';
import type { Mailer } from '../../broker/mail/mailer.ts';
import { FileJournalStore } from '../../broker/store/journal-store.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import { addDays, officeDay } from '../../shared/calendar/office-calendar.ts';
import { ManualClock } from '../../shared/clock.ts';
import { kostelecOffice } from '../../shared/config/kostelec.ts';
import { withPublicBase } from '../../shared/config/public-address.ts';
import { type OfficeConfig, officeConfigSchema } from '../../shared/config/schema.ts';
import { startPostgres } from '../../test/support/postgres.ts';
import { benchPackages } from './brokers.ts';
import { emit, percentile, round } from './stats.ts';

const now = Date.parse('2026-11-24T09:00:00+01:00');

/** Kostelec with room for tens of thousands of bookings and the per-address limits lifted. */
function roomyOffice(): OfficeConfig {
  const config = withPublicBase(officeConfigSchema.parse(structuredClone(kostelecOffice)), 'http://localhost:8080');
  for (const s of config.services) s.booking = { slotMinutes: 15, placesPerSlot: 200, onlinePlaces: { mon: 5000, tue: 5000, wed: 5000, thu: 5000, fri: 5000, sat: 0, sun: 0 } };
  Object.assign(config.booking.limits, { pendingHoldsPerAddress: 1e9, bookingsPerAddress: 1e9, placesPerAddressPerDay: 1e9, pendingHoldsPerEmail: 1e9, bookingsPerEmail: 1e9 });
  return config;
}

/**
 * `count` confirmed bookings over the 30 days kept behind today and the 30 ahead, as a city's file
 * would hold them; none tomorrow, the day the measured holds take: a hold counts its own day's
 * places (as it must), so that day starts empty whatever is stored, and the ratio is the store's.
 */
function seeded(config: OfficeConfig, count: number): BookingFile {
  const state: BookingFile = { seq: 1, addressSalt: 'bench', bookings: {}, suspension: null };
  const services = config.services.filter((s) => s.booking);
  const tomorrow = addDays(officeDay(now), 1);
  const days = Array.from({ length: 61 }, (_, d) => addDays(officeDay(now), d - 30)).filter((day) => day !== tomorrow);
  const starts = days.flatMap((day) => services.flatMap((s) => slotStarts(config, s, day).map((t) => ({ s, t, day }))));
  for (let k = 0; k < count; k++) {
    const { s, t, day } = starts[k % starts.length]!;
    const email = `klient${k}@example.cz`;
    const booking: Booking = {
      id: `seed-${k}`,
      serviceId: s.id,
      workplaceId: s.workplaceId,
      day,
      startsAt: t,
      status: t < now ? 'checkedIn' : 'confirmed',
      createdAt: now - 40 * 86_400_000,
      heldUntil: now - 40 * 86_400_000,
      confirmToken: `seed-token-${k}`.padEnd(22, 'x'),
      language: 'cs',
      code: String(k).padStart(8, '0'),
      icsSequence: 0,
      clientKey: `client-${k % 500}`,
      person: { name: `Klient ${k}`, email, emailKey: emailKey(email) },
    };
    state.bookings[booking.id] = booking;
  }
  return state;
}

const warmup = 30;

const quietMailer: Mailer = { reachesCitizens: true, async send() {}, close() {} };

/** A ledger over a journal store seeded with `stored` bookings, as a server has it after its start. */
async function seededLedger(dir: string, stored: number, run: string) {
  const config = roomyOffice();
  await mkdir(join(dir, run));
  const store = new FileJournalStore<BookingJournalEntry>(join(dir, run, 'bookings.json'));
  await store.snapshot(JSON.stringify(seeded(config, stored)));
  const ledger = new BookingLedger({ config: () => config, clock: new ManualClock(now), store, mailer: quietMailer, log: createLogger('bench', () => {}) });
  await ledger.load();
  const slots = slotStarts(config, config.services.find((s) => s.id === 'pasy')!, addDays(officeDay(now), 1));
  /** The k-th new citizen's hold tomorrow, its mail queued in the same write, as the server does it. */
  const hold = async (k: number) => {
    const email = `novy${k}@example.cz`;
    const person = { name: 'Nový klient', email, emailKey: emailKey(email) };
    const outcome = await ledger.change((ctx) => {
      const held = rules.hold(ctx, { serviceId: 'pasy', startsAt: slots[k % slots.length]!, person, language: 'cs', clientKey: `new-${k}` });
      if (held.ok) ledger.queue(holdMail(ctx.config, held.data, person));
      return held;
    });
    if (!outcome.ok) throw new Error(`hold ${k} refused: ${outcome.error.code}`);
  };
  return { ledger, store, hold };
}

/** Holds one after another, each applied and made durable (the file written and fsynced) before the next. */
async function holdCost(dir: string, stored: number, holds: number): Promise<Cost & { fileKiB: number; journalKiB: number }> {
  const { ledger, store, hold } = await seededLedger(dir, stored, `one-by-one-${stored}`);
  const times: number[] = [];
  for (let k = 0; k < holds + warmup; k++) {
    const started = performance.now();
    await hold(k);
    // The first holds of each run warm the code and the caches up: the ratio compares stores, not the first run's JIT.
    if (k >= warmup) times.push(performance.now() - started);
  }
  const sizes = store.sizes();
  await ledger.close();
  return { meanMs: times.reduce((a, b) => a + b, 0) / times.length, p99Ms: percentile(times, 99), fileKiB: sizes.snapshot / 1024, journalKiB: sizes.journal / 1024 };
}

/**
 * What the embedded store takes when holds come together, as in the rush: `concurrent` at a time
 * share each group commit. The rush's holds/s over HTTP are compared with this (what is not the store).
 */
async function ledgerRate(dir: string, stored: number, holds: number, concurrent: number): Promise<number> {
  const { ledger, hold } = await seededLedger(dir, stored, `together-${stored}`);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrent }, async () => {
      for (let k = next++; k < holds; k = next++) await hold(k);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await ledger.close();
  return holds / seconds;
}

/** issue #17: one hold costs the same with 50,000 stored bookings as with 100 (target ratio ≤ 1.1). */
export async function measureHoldCost(dir: string, holds = 200): Promise<void> {
  const runs = [await holdCost(dir, 100, holds), await holdCost(dir, 50_000, holds)];
  emitHoldCost('hold-cost', runs, (r) => ({ snapshotKiB: round(r.fileKiB, 0), journalKiB: round(r.journalKiB, 0) }));
  const rate = await ledgerRate(dir, 50_000, 3000, 64);
  emit({ bench: 'hold-cost', metric: 'store_holds_per_second', value: round(rate, 0), unit: 'holds/s', stored: 50_000, holds: 3000, concurrent: 64 });
}

interface Cost {
  meanMs: number;
  p99Ms: number;
}

/** Each run's mean and p99 (with 100, then 50,000 stored) and the ratio of their means. */
function emitHoldCost<R extends Cost>(bench: string, [small, large]: R[], details: (r: R) => Record<string, number> = () => ({})): void {
  for (const [stored, r] of [
    [100, small!],
    [50_000, large!],
  ] as const)
    emit({ bench, metric: 'hold_mean', value: round(r.meanMs, 2), unit: 'ms', stored, p99: round(r.p99Ms, 2), ...details(r) });
  emit({ bench, metric: 'ratio_50000_to_100', value: round(large!.meanMs / small!.meanMs, 2), unit: 'ratio', target: '≤ 1.1' });
}

/** The same holds at the hub: one transaction each on a real PostgreSQL (fsync on), its locks and the rule's lookups by index. */
async function hubHoldCost(pool: pg.Pool, stored: number, holds: number): Promise<Cost> {
  const config = roomyOffice();
  await pool.query('TRUNCATE hub_bookings');
  const rows = Object.values(seeded(config, stored).bookings);
  for (let k = 0; k < rows.length; k += 1000) {
    const batch = rows.slice(k, k + 1000);
    await pool.query(
      `INSERT INTO hub_bookings (id, office_id, service_id, day, starts_at, status, held_until, email_key, client_key, record)
       SELECT id, 'kostelec', service_id, day::date, starts_at, status, held_until, email_key, client_key, record::jsonb
       FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::text[])
         AS t(id, service_id, day, starts_at, status, held_until, email_key, client_key, record)`,
      [
        batch.map((b) => b.id),
        batch.map((b) => b.serviceId),
        batch.map((b) => b.day),
        batch.map((b) => b.startsAt),
        batch.map((b) => b.status),
        batch.map((b) => b.heldUntil),
        batch.map((b) => b.person?.emailKey ?? ''),
        batch.map((b) => b.clientKey ?? null),
        batch.map((b) => JSON.stringify(b)),
      ],
    );
  }
  await pool.query('VACUUM ANALYZE hub_bookings');
  const hub = new HubHolds(pool, {
    id: () => randomBytes(12).toString('base64url'),
    token: () => randomBytes(16).toString('base64url'),
    code: () => String(randomInt(0, 100_000_000)).padStart(8, '0'),
  });
  const slots = slotStarts(config, config.services.find((s) => s.id === 'pasy')!, addDays(officeDay(now), 1));
  const times: number[] = [];
  for (let k = 0; k < holds + warmup; k++) {
    const email = `novy${k}@example.cz`;
    const started = performance.now();
    const outcome = await hub.hold(
      'kostelec',
      config,
      { serviceId: 'pasy', startsAt: slots[k % slots.length]!, person: { name: 'Nový klient', email, emailKey: emailKey(email) }, language: 'cs', clientKey: `new-${k}` },
      now,
    );
    if (k >= warmup) times.push(performance.now() - started);
    if (!outcome.ok) throw new Error(`hub hold ${k} refused: ${outcome.error.code}`);
  }
  return { meanMs: times.reduce((a, b) => a + b, 0) / times.length, p99Ms: percentile(times, 99) };
}

/** issue #17, the hub's side: a hold on PostgreSQL with 50,000 bookings stored as with 100. */
export async function measureHubHoldCost(holds = 200): Promise<void> {
  await benchPackages();
  const server = await startPostgres();
  try {
    const pool = await server.database();
    await migrate(pool);
    emitHoldCost('hold-cost-hub', [await hubHoldCost(pool, 100, holds), await hubHoldCost(pool, 50_000, holds)]);
  } finally {
    await server.stop();
  }
}
