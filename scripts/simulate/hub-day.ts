import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { cryptoDraw } from '../../broker/booking/booking-ledger.ts';
import { HubBook, type HubOffice } from '../../broker/hub/hub-book.ts';
import { putOffice } from '../../broker/hub/hub-offices.ts';
import type { DayAggregate } from '../../broker/statistics/day-aggregate.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import { officeInstant } from '../../shared/calendar/office-calendar.ts';
import { canonicalJson } from '../../shared/canonical-json.ts';
import { acceleratedClock, type Clock } from '../../shared/clock.ts';
import { kostelecOffice } from '../../shared/config/kostelec.ts';
import { type OfficeInput, officeConfigSchema } from '../../shared/config/schema.ts';
import { eventually } from '../../test/support/eventually.ts';
import { startMosquitto } from '../../test/support/mosquitto.ts';
import { startPostgres } from '../../test/support/postgres.ts';
import { type WanProxy, wanProxy } from '../../test/support/wan-proxy.ts';
import { bookCallerAtHub } from '../lib/hub-caller.ts';
import { type OfficeProcess, startOfficeProcess } from '../lib/office-process.ts';
import { type ServerProcess, startServerProcess } from '../lib/server-process.ts';
import { type BookedArrival, bookedArrivals } from './bookings.ts';
import type { Issued } from './day-report.ts';
import { comeDuring, sumCells, type Totals } from './hub-day-checks.ts';
import { type DayOptions, runOfficeDay, simulatedInput } from './office-day.ts';
import { seeded } from './random.ts';

/** The towns of a region whose offices share one hub: Kostelec first, then its neighbours. */
const towns = [
  ['kostelec', 'Kostelec nad Orlicí'],
  ['rychnov', 'Rychnov nad Kněžnou'],
  ['dobruska', 'Dobruška'],
  ['opocno', 'Opočno'],
  ['nachod', 'Náchod'],
  ['trutnov', 'Trutnov'],
  ['jicin', 'Jičín'],
  ['horice', 'Hořice'],
  ['nova-paka', 'Nová Paka'],
  ['dvur-kralove', 'Dvůr Králové nad Labem'],
  ['jaromer', 'Jaroměř'],
  ['broumov', 'Broumov'],
  ['nove-mesto', 'Nové Město nad Metují'],
  ['vrchlabi', 'Vrchlabí'],
  ['hostinne', 'Hostinné'],
  ['upice', 'Úpice'],
  ['trebechovice', 'Třebechovice pod Orebem'],
  ['novy-bydzov', 'Nový Bydžov'],
  ['chlumec', 'Chlumec nad Cidlinou'],
  ['zamberk', 'Žamberk'],
] as const;

export interface HubDayOptions extends DayOptions {
  offices: number;
  /** How many offices lose their line to the hub, and when (office time). */
  cuts: number;
  cutFrom: string;
  cutTo: string;
}

export interface HubDayReport {
  offices: { id: string; tickets: number; checkIns: number; lineCut: boolean }[];
  /** Each cut office: connections the cut dropped, what it issued and checked in meanwhile, and what of that the hub had before the line was back (none). */
  cuts: { officeId: string; connectionsDropped: number; ticketsDuringCut: number; checkInsDuringCut: number; atHubBeforeRestore: number }[];
  /** The check-ins the kiosks printed against those at the hub: each once, none missing, none unknown. */
  checkIns: { atOffices: number; atHub: number; missingAtHub: number; unknownAtHub: number };
  /** The bookings the offices found lapsed (their statistics), against the no-shows the hub holds. */
  noShows: { atOffices: number; atHub: number };
  /** The day's totals summed over the offices' own statistics files, and over the hub's copies (in SQL); `officesMatching`: offices whose hub copy equals their file, cell by cell. */
  statistics: { offices: Totals; hub: Totals; officesMatching: number };
  realSeconds: number;
}

const hubUser = 'hub';
const sitePrefix = 'http://hub.invalid/o/';

/**
 * A hub and `offices` office servers through one office day on one accelerated clock
 * (docs/HUB.md): Debian's PostgreSQL and Mosquitto, the hub's link as its own process, the day's
 * bookings made at the hub beforehand (staff booking callers, confirmed with codes), and each office
 * in hub mode behind a TCP proxy standing for its WAN line, with its devices, citizens and clerks
 * simulated as in office-day.ts. From `cutFrom` to `cutTo` the lines of `cuts` offices are down.
 * After the day the offices are restarted just before midnight (switched off in the evening), so
 * they finish the day and report its statistics; then what the hub holds is compared with what the
 * kiosks printed and with the offices' own statistics.
 */
export async function simulateHubDay(options: HubDayOptions): Promise<HubDayReport> {
  const began = Date.now();
  const start = officeInstant(options.date, options.from);
  const end = officeInstant(options.date, options.to);
  const cut = { from: officeInstant(options.date, options.cutFrom), to: officeInstant(options.date, options.cutTo) };
  const chosen = towns.slice(0, options.offices);
  if (chosen.length < options.offices) throw new Error(`at most ${towns.length} offices`);
  const cutIndexes = new Set(Array.from({ length: options.cuts }, (_, k) => 1 + Math.floor((k * options.offices) / Math.max(1, options.cuts))));
  const passwords = Object.fromEntries([hubUser, ...chosen.map(([id]) => id)].map((u) => [u, `${u}-simulated-secret`]));
  const acl = await readFile(fileURLToPath(new URL('../../deploy/hub/mosquitto.acl', import.meta.url)), 'utf8');

  const postgres = await startPostgres();
  const broker = await startMosquitto(passwords, acl);
  const started: { proxy: WanProxy; office?: OfficeProcess }[] = [];
  let link: ServerProcess | undefined;
  try {
    const pool = await postgres.database();
    await migrate(pool);
    const database = (await pool.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
    link = await startServerProcess(
      { PGHOST: postgres.socketDir, PGUSER: 'fronta', PGDATABASE: database, FRONTA_HUB_MQTT_URL: broker.url, FRONTA_HUB_MQTT_PASSWORD: passwords[hubUser]! },
      'inherit',
      undefined,
      'broker/hub/hub-link-main.ts',
    );

    // The day's bookings, made at the hub the day before.
    const book = new HubBook(pool, cryptoDraw);
    const plans: { id: string; input: OfficeInput; booked: BookedArrival[]; bookingIds: Map<string, string>; random: () => number; lineCut: boolean }[] = [];
    for (const [k, [id, town]] of chosen.entries()) {
      const input = officeInput(id, town);
      const config = officeConfigSchema.parse(input);
      await putOffice(pool, id, config);
      const random = seeded(options.seed + 1000 * k);
      let booked = bookedArrivals(config, options.date, random, start, end);
      if (cutIndexes.has(k)) booked = comeDuring(booked, cut);
      const hubOffice: HubOffice = { id, config, suspension: null, addressSalt: 'simulation' };
      const bookingIds = new Map<string, string>();
      for (const [n, arrival] of booked.entries()) {
        const made = await bookCallerAtHub(book, hubOffice, { serviceId: arrival.serviceId, startsAt: arrival.bookedAt, name: `Klient ${n + 1}` }, start - 86_400_000);
        arrival.code = made.code!;
        bookingIds.set(made.code!, made.id);
      }
      plans.push({ id, input, booked, bookingIds, random, lineCut: cutIndexes.has(k) });
    }

    // One clock for all: it reads `from` once every office had time to start.
    const epochMs = Date.now() + 5_000 + 3_000 * options.offices;
    const clock = acceleratedClock(start, epochMs, options.rate);
    for (const plan of plans) {
      const proxy = await wanProxy(broker.url);
      const entry: (typeof started)[number] = { proxy };
      started.push(entry);
      const officeDir = join(options.dir, `office-${plan.id}`);
      await mkdir(officeDir);
      entry.office = await startOfficeProcess(officeDir, plan.input, start, options.rate, {
        epochMs,
        env: { FRONTA_HUB_URL: proxy.url, FRONTA_HUB_PASSWORD: passwords[plan.id]!, FRONTA_HUB_SITE: `${sitePrefix}${plan.id}` },
      });
    }

    const cutOffices = plans.flatMap((p, k) => (p.lineCut ? [{ plan: p, proxy: started[k]!.proxy }] : []));
    const lines = runCut(clock, cut, cutOffices, pool);
    const days = await Promise.all(
      plans.map((plan, k) => runOfficeDay(started[k]!.office!, { date: options.date, start, end, seed: options.seed + 1000 * k, demand: options.demand }, plan.booked, plan.random)),
    );
    const beforeRestore = await lines;

    // Switched off for the evening, on again a minute before midnight: the day ends, and is reported.
    // One after another: twenty servers starting at once on two cores take longer than a start may.
    for (const s of started) await s.office!.restart(officeInstant(options.date, '23:59'));
    const printed = plans.flatMap((plan, k) => checkInsOf(days[k]!.issued).map((c) => `${plan.id}/${plan.bookingIds.get(c.code)}/${c.number}`));
    const hubCheckIns = async () => (await pool.query<{ key: string }>("SELECT office_id || '/' || booking_id || '/' || ticket_number AS key FROM hub_checkins")).rows.map((r) => r.key);
    const reportedDays = async () => (await pool.query('SELECT 1 FROM hub_office_days WHERE day = $1', [options.date])).rowCount;
    await eventually(
      'every office’s day and check-ins at the hub',
      async () => (await reportedDays()) === plans.length && (await hubCheckIns()).length >= printed.length,
      60_000 + 3_000 * plans.length,
    );
    const atHub = await hubCheckIns();

    const files = await Promise.all(plans.map((p) => officeStatistics(join(options.dir, `office-${p.id}`), options.date)));
    const lapsed = sumCells(files.map((f) => f ?? {})).bookingsLapsed;
    const hubNoShows = async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM hub_no_shows')).rows[0]!.n);
    await eventually('the no-shows at the hub', async () => (await hubNoShows()) >= lapsed, 30_000 + 1_000 * plans.length).catch(() => undefined);
    const hubCells = new Map(
      (await pool.query<{ office_id: string; cells: DayAggregate['cells'] }>('SELECT office_id, cells FROM hub_office_days WHERE day = $1', [options.date])).rows.map((r) => [r.office_id, r.cells]),
    );
    return {
      offices: plans.map((p, k) => ({ id: p.id, tickets: days[k]!.report.tickets, checkIns: checkInsOf(days[k]!.issued).length, lineCut: p.lineCut })),
      cuts: cutOffices.map(({ plan, proxy }) => {
        const issued = days[plans.indexOf(plan)]!.issued.filter((t) => t.at >= cut.from && t.at < cut.to);
        return {
          officeId: plan.id,
          connectionsDropped: proxy.dropped(),
          ticketsDuringCut: issued.filter((t) => t.code === undefined).length,
          checkInsDuringCut: issued.filter((t) => t.code !== undefined).length,
          atHubBeforeRestore: beforeRestore.get(plan.id) ?? 0,
        };
      }),
      checkIns: {
        atOffices: printed.length,
        atHub: atHub.length,
        missingAtHub: printed.filter((c) => !atHub.includes(c)).length,
        unknownAtHub: atHub.filter((c) => !printed.includes(c)).length,
      },
      noShows: { atOffices: lapsed, atHub: await hubNoShows() },
      statistics: {
        offices: sumCells(files.map((f) => f ?? {})),
        hub: await hubTotals(pool, options.date),
        officesMatching: plans.filter((p, k) => files[k] && canonicalJson(files[k]) === canonicalJson(hubCells.get(p.id))).length,
      },
      realSeconds: Math.round((Date.now() - began) / 1000),
    };
  } finally {
    for (const s of started) {
      await s.office?.stop();
      await s.proxy.stop();
    }
    await link?.stop();
    await broker.stop();
    await postgres.stop();
  }
}

function officeInput(id: string, town: string): OfficeInput {
  const input = simulatedInput(kostelecOffice);
  input.office = { ...input.office, id, name: { cs: `Městský úřad ${town}`, en: `Municipal Office of ${town}` } };
  return input;
}

/**
 * Cuts the lines at `cut.from` and restores them at `cut.to` (office time). Just before the restore
 * it counts, per cut office, the check-ins of the cut the hub already has: none, if the cut was real.
 */
async function runCut(clock: Clock, cut: { from: number; to: number }, offices: { plan: { id: string }; proxy: WanProxy }[], pool: pg.Pool): Promise<Map<string, number>> {
  const until = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, (at - clock.now()) / (clock.rate ?? 1))));
  await until(cut.from);
  for (const { proxy } of offices) proxy.cut();
  await until(cut.to);
  const seen = new Map<string, number>();
  for (const { plan } of offices)
    seen.set(plan.id, Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM hub_checkins WHERE office_id = $1 AND checked_in_at >= $2', [plan.id, cut.from])).rows[0]!.n));
  for (const { proxy } of offices) proxy.restore();
  return seen;
}

const checkInsOf = (issued: Issued[]) => issued.flatMap((t) => (t.code === undefined ? [] : [{ code: t.code, number: t.number }]));

async function officeStatistics(dir: string, day: string): Promise<DayAggregate['cells'] | undefined> {
  const file = JSON.parse(await readFile(join(dir, 'statistics.json'), 'utf8')) as { days: DayAggregate[] };
  return file.days.find((d) => d.day === day)?.cells;
}

/** The hub's side, summed by PostgreSQL from the stored cells rather than by the code that sums the offices' files. */
async function hubTotals(pool: pg.Pool, day: string): Promise<Totals> {
  const { rows } = await pool.query<Record<keyof Totals, string>>(
    `SELECT coalesce(sum((c.value->>'issued')::int), 0) AS issued, coalesce(sum((c.value->>'served')::int), 0) AS served,
            coalesce(sum((c.value->>'noShows')::int), 0) AS "noShows", coalesce(sum((c.value->>'bookingsKept')::int), 0) AS "bookingsKept",
            coalesce(sum((c.value->>'bookingsLapsed')::int), 0) AS "bookingsLapsed", coalesce(sum((c.value->'wait'->>'n')::int), 0) AS waits
       FROM hub_office_days, jsonb_each(cells) AS c WHERE day = $1`,
    [day],
  );
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)])) as unknown as Totals;
}
