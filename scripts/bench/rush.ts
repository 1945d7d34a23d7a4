import { availableParallelism } from 'node:os';
import type pg from 'pg';
import type { Booking } from '../../broker/booking/booking-state.ts';
import { putOffice } from '../../broker/hub/hub-offices.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import { kostelecOffice } from '../../shared/config/kostelec.ts';
import { withPublicBase } from '../../shared/config/public-address.ts';
import { type OfficeConfig, type OfficeInput, officeConfigSchema } from '../../shared/config/schema.ts';
import { hubProcessEnv, startHubProcess } from '../../test/support/hub-process.ts';
import { startPostgres } from '../../test/support/postgres.ts';
import { startOfficeProcess } from '../lib/office-process.ts';
import { type ServerProcess, startServerProcess } from '../lib/server-process.ts';
import { overbookedPlaces, storedBookings } from '../lib/stored-bookings.ts';
import { benchPackages } from './brokers.ts';
import { cpuSeconds } from './cpu-time.ts';
import { citizen, client, emptyTally, proof, type Tally } from './rush-crowd.ts';
import { emit, percentile, round } from './stats.ts';

/** 07:00 on a Monday, the moment the 30th day ahead opens (newDaysOpenAt '07:00'). */
const rushStart = Date.parse('2026-11-23T07:00:00+01:00');

/**
 * A city's office: Kostelec's services with a city's online places (300 a day each, 12 per slot),
 * new days opening at 07:00 and the per-address limits lifted (every simulated citizen comes from
 * 127.0.0.1 here). The proof of work is the real one at its lowest difficulty: the citizens'
 * solving is the browser's work, not the server's, and the server's verification is the same.
 */
function cityOffice(): OfficeInput {
  const places = 300;
  return {
    ...structuredClone(kostelecOffice),
    services: kostelecOffice.services.map((s) =>
      s.booking ? { ...s, booking: { slotMinutes: s.booking.slotMinutes, placesPerSlot: 12, onlinePlaces: { mon: places, tue: places, wed: places, thu: places, fri: places } } } : s,
    ),
    booking: {
      newDaysOpenAt: '07:00',
      proofOfWork: { minCounter: 1, maxCounter: 5 },
      limits: { pendingHoldsPerAddress: 1e6, bookingsPerAddress: 1e6, placesPerAddressPerDay: 1e6, pendingHoldsPerEmail: 1e6, holdRequestsPerAddress: 1e6, cancelAttemptsPerAddress: 1e6 },
    },
  };
}

/** Where the rush goes: an office server, or the hub's booking processes; what they stored, once stopped. */
export interface RushTarget {
  name: 'rush-embedded' | 'rush-hub' | 'rush-ceiling';
  target: string;
  config: OfficeConfig;
  /** Each an office's booking API (its `/api/…` below it). */
  bases: string[];
  now(): number;
  stop(): Promise<void>;
  /** None for the ceiling, which stores nothing. */
  stored?(): Promise<Readonly<Booking>[]>;
  /** The CPU seconds its server processes, and its database's, have used so far. */
  cpu(): Promise<{ server: number; database?: number }>;
}

// Only processes that were started: a pid of 0 would count every process of the machine as its child.
const pidsOf = (servers: readonly ServerProcess[]) => servers.flatMap((s) => s.child.pid ?? []);

/** One office server, embedded store, in its own process. */
export async function embeddedRush(dir: string): Promise<RushTarget> {
  const office = await startOfficeProcess(dir, cityOffice(), rushStart);
  return {
    name: 'rush-embedded',
    target: '≥ 1000',
    config: office.config,
    bases: [`http://127.0.0.1:${office.server.httpPort}`],
    now: () => office.clock.now(),
    stop: () => office.stop(),
    stored: () => storedBookings(dir),
    cpu: async () => ({ server: await cpuSeconds(pidsOf([office.server])) }),
  };
}

/**
 * The ceiling: the same crowd against `processes` servers that answer the four routes from
 * constants (rush-ceiling-server.ts), on the same cores; no real server holds faster than this here.
 */
export async function ceilingRush(processes = 1): Promise<RushTarget> {
  const servers = await Promise.all(Array.from({ length: processes }, () => startServerProcess({}, 'ignore', undefined, 'scripts/bench/rush-ceiling-server.ts')));
  return {
    name: 'rush-ceiling',
    target: 'the most for any server',
    config: officeConfigSchema.parse(cityOffice()),
    bases: servers.map((s) => `http://127.0.0.1:${s.httpPort}`),
    now: () => rushStart,
    async stop() {
      await Promise.all(servers.map((s) => s.stop()));
    },
    cpu: async () => ({ server: await cpuSeconds(pidsOf(servers)) }),
  };
}

/** The hub: `processes` booking processes over one PostgreSQL (Debian's, in a temporary directory), the city office among its offices. */
export async function hubRush(dir: string, processes = 4): Promise<RushTarget> {
  await benchPackages();
  const postgres = await startPostgres({ statements: true });
  const pool = await postgres.database();
  await migrate(pool);
  await pool.query('CREATE EXTENSION pg_stat_statements');
  const config = withPublicBase(officeConfigSchema.parse(cityOffice()), 'http://127.0.0.1/o/kostelec');
  await putOffice(pool, 'kostelec', config);
  const epoch = Date.now();
  const env = await hubProcessEnv(postgres, pool, dir, { FRONTA_CLOCK_OFFSET_MS: String(rushStart - epoch) });
  const hubs = await Promise.all(Array.from({ length: processes }, () => startHubProcess(env)));
  return {
    name: 'rush-hub',
    target: '≥ 2000',
    config,
    bases: hubs.map((h) => `http://127.0.0.1:${h.httpPort}/o/kostelec`),
    now: () => Date.now() + rushStart - epoch,
    async stop() {
      await Promise.all(hubs.map((h) => h.stop()));
    },
    cpu: async () => ({ server: await cpuSeconds(pidsOf(hubs)), database: await cpuSeconds([await postgres.pid()]) }),
    async stored() {
      try {
        await printStatements(pool);
        return (await pool.query<{ record: Booking }>("SELECT record FROM hub_bookings WHERE office_id = 'kostelec'")).rows.map((r) => r.record);
      } finally {
        await postgres.stop();
      }
    },
  };
}

/**
 * Where the database's time went, on stderr: the statements by their total time, which includes
 * waiting for a lock (an advisory lock's wait is its statement's time).
 */
async function printStatements(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query(
    `SELECT calls, round(total_exec_time) AS total_ms, round(mean_exec_time::numeric, 2) AS mean_ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS statement
       FROM pg_stat_statements WHERE calls >= 100 ORDER BY total_exec_time DESC LIMIT 8`,
  );
  console.error("PostgreSQL's statements by total time:");
  console.table(rows);
}

/**
 * issue #17, the opening rush: `citizens` arrive at once when the new day opens, `connections` at a
 * time, through the real HTTP API; each hold verified (proof of work), stored durably and its
 * e-mail written before the answer. Prints holds/s, p50/p99 of the hold requests, the answers of
 * 5xx and the places overbooked (from the durable data, after the servers stopped).
 */
export async function measureRush(office: RushTarget, citizens = 10_000, connections = 64): Promise<void> {
  const call = client(office.bases, connections);
  const services = office.config.services.filter((s) => s.booking).map((s) => s.id);
  const tally = emptyTally();
  let seconds = 0;
  let ended = 0;
  let cpu: { server: number; database?: number; load: number } | undefined;
  try {
    // Each citizen's page is open before the day opens, with its proof solved.
    const proofs = await Promise.all(Array.from({ length: citizens }, (_, k) => proof(call, k)));
    const cpuBefore = { ...(await office.cpu()), load: process.cpuUsage() };
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      for (let k = next++; k < citizens; k = next++) await citizen(call, k, services[k % services.length]!, proofs[k]!, tally);
    };
    await Promise.all(Array.from({ length: connections }, worker));
    seconds = (performance.now() - started) / 1000;
    tally.reconnects = call.counts.reconnects;
    ended = office.now();
    const cpuAfter = await office.cpu();
    const load = process.cpuUsage(cpuBefore.load);
    const perHold = (s: number) => round((1000 * s) / Math.max(1, tally.held.length), 2);
    cpu = {
      server: perHold(cpuAfter.server - cpuBefore.server),
      ...(cpuAfter.database === undefined ? {} : { database: perHold(cpuAfter.database - (cpuBefore.database ?? 0)) }),
      load: perHold((load.user + load.system) / 1e6),
    };
  } finally {
    await office.stop();
  }
  const details = { citizens, connections, services: services.length, processes: office.bases.length };
  const bench = office.name;
  emit({
    bench,
    metric: 'holds-per-second',
    value: round(tally.held.length / seconds, 0),
    unit: 'holds/s',
    held: tally.held.length,
    seconds: round(seconds, 1),
    target: office.target,
    ...details,
  });
  emit({
    bench,
    metric: 'hold-p99',
    value: round(percentile(tally.holds, 99), 1),
    unit: 'ms',
    p50: round(percentile(tally.holds, 50), 1),
    requests: tally.holds.length,
    target: '≤ 100',
    ...details,
  });
  // What the holds cost the machine: its cores divided by the sum is about the holds/s it can give.
  emit({ bench, metric: 'cpu-per-hold', value: cpu!.server, unit: 'ms', ...cpu, cores: availableParallelism(), ...details });
  await emitOutcomes(bench, office, tally, ended, details);
}

/**
 * What a rush must never do, whatever its speed: answers of 5xx, places overbooked, and holds
 * answered 201 but missing from the durable data (read after the servers stopped).
 */
export async function emitOutcomes(bench: string, office: RushTarget, tally: Tally, ended: number, details: Record<string, string | number>): Promise<void> {
  emit({
    bench,
    metric: 'answers-5xx',
    value: tally.serverErrors,
    unit: 'answers',
    lostRace: tally.lostRace,
    noPlace: tally.noPlace,
    gaveUp: tally.gaveUp,
    other: JSON.stringify(tally.other),
    noAnswer: JSON.stringify(tally.noAnswer),
    reconnects: tally.reconnects,
    ...details,
  });
  if (!office.stored) return;
  const stored = await office.stored();
  const storedIds = new Set(stored.map((b) => b.id));
  emit({ bench, metric: 'overbooked', value: overbookedPlaces(office.config, stored, ended).length, unit: 'slots or days', stored: stored.length, ...details });
  emit({ bench, metric: 'acknowledged-lost', value: tally.held.filter((id) => !storedIds.has(id)).length, unit: 'holds', ...details });
}
