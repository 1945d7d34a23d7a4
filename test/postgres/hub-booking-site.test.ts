import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cryptoDraw } from '../../broker/booking/booking-ledger.ts';
import { HubBook } from '../../broker/hub/hub-book.ts';
import { putOffice } from '../../broker/hub/hub-offices.ts';
import { proofSecretsFrom } from '../../broker/hub/hub-proofs.ts';
import { createHubSite } from '../../broker/hub/hub-site.ts';
import { createLogger } from '../../broker/log.ts';
import type { Mailer } from '../../broker/mail/mailer.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import type { ServerProcess } from '../../scripts/lib/server-process.ts';
import { ManualClock } from '../../shared/clock.ts';
import { withPublicBase } from '../../shared/config/public-address.ts';
import { bookingClient, confirmTokenIn } from '../support/booking-client.ts';
import { eventually } from '../support/eventually.ts';
import { hubMail, hubProcessEnv, startHubProcess } from '../support/hub-process.ts';
import { kostelec, tuesdayNine } from '../support/office-fixture.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { tempDir } from '../support/temp-dir.ts';

let server: TestPostgres;
let pool: pg.Pool;
let dir: Awaited<ReturnType<typeof tempDir>>;
const hubs: ServerProcess[] = [];

const easy = (name: string, publicUrl: string) =>
  withPublicBase(
    kostelec((c) => {
      c.office.name = { cs: name, en: name };
      c.booking = { proofOfWork: { minCounter: 50, maxCounter: 200 } };
    }),
    publicUrl,
  );

test.before(async () => {
  server = await startPostgres();
  pool = await server.database();
  await migrate(pool);
  dir = await tempDir();
  await putOffice(pool, 'kostelec', easy('Kostelec nad Orlicí', 'http://hub.example/o/kostelec'));
  await putOffice(pool, 'rychnov', easy('Rychnov nad Kněžnou', 'http://hub.example/o/rychnov'));
  const env = await hubProcessEnv(server, pool, dir.path, { FRONTA_CLOCK_OFFSET_MS: String(tuesdayNine - Date.now()) });
  // Two booking processes over the one database, as behind a load balancer.
  hubs.push(...(await Promise.all([1, 2].map(() => startHubProcess(env)))));
});

test.after(async () => {
  await Promise.all(hubs.map((h) => h.stop()));
  await server.stop();
  await dir.remove();
});

const unusedMailer: Mailer = {
  reachesCitizens: true,
  send: () => Promise.reject(new Error('this sweep has no mail to send')),
  close: () => {},
};

const base = (k: number, office: string) => `http://127.0.0.1:${hubs[k]!.httpPort}/o/${office}`;

const mailAbout = (office: string, bookingId: string) => hubMail(dir.path, office, bookingId);

test('the hub lists its offices, and each office has its own booking API under its prefix, answered alike by every process', async () => {
  const listed = await (await fetch(`http://127.0.0.1:${hubs[0]!.httpPort}/api/offices`)).json();
  assert.equal(
    listed.offices.map((o: { id: string; path: string }) => [o.id, o.path]),
    [
      ['kostelec', '/o/kostelec'],
      ['rychnov', '/o/rychnov'],
    ],
  );
  const info = await bookingClient(base(1, 'rychnov')).request('GET', '/api/office');
  assert.is(info.body!.name.cs, 'Rychnov nad Kněžnou');
  const [a, b] = await Promise.all([0, 1].map((k) => bookingClient(base(k, 'kostelec')).days('pasy')));
  assert.is(a!.status, 200);
  assert.equal(a!.body, b!.body, 'both processes see the same free days');
  assert.is(a!.headers.get('cache-control'), 'no-store');
});

test('a citizen holds at one process with a challenge from the other, confirms by the e-mailed link, and cancels with the code: every step by the office rules, stored once', async () => {
  const first = bookingClient(base(0, 'kostelec'));
  const second = bookingClient(base(1, 'kostelec'));
  const day = (await first.days('pasy')).body!.days.find((d: { free: number }) => d.free > 0).day as string;
  const slot = (await first.slots('pasy', day)).body!.slots.find((s: { free: number }) => s.free > 0);
  const proof = await first.proof();
  const held = await second.hold({ serviceId: 'pasy', startsAt: slot.startsAt, email: 'Jana.Novakova@Example.cz' }, proof);
  assert.is(held.status, 201, JSON.stringify(held.body));
  const replay = await first.hold({ serviceId: 'pasy', startsAt: slot.startsAt, email: 'petr@example.cz' }, proof);
  assert.is(replay.body!.error.code, 'proofReused', 'a solution spent at one process is spent at all');

  const link = await mailAbout('kostelec', held.body!.holdId);
  assert.match(link, /http:\/\/hub\.example\/o\/kostelec\/confirm\//);
  const token = confirmTokenIn(link);
  assert.is((await first.summary(token)).body!.state, 'held');
  const [one, two] = await Promise.all([first.confirm(token), second.confirm(token)]);
  assert.is(one!.status, 200);
  assert.is(two!.status, 200);
  assert.is(one!.body!.code, two!.body!.code, 'two clicks at once at two processes: one code');
  assert.is([one!.body!.alreadyConfirmed, two!.body!.alreadyConfirmed].filter(Boolean).length, 1, 'and one of them was told it was confirmed already');
  const code = one!.body!.code as string;
  assert.match(await mailAbout('kostelec', held.body!.holdId), new RegExp(code), 'the code mail went out');

  // Within the availability cache's two seconds; a full slot is not offered at all.
  await eventually(
    'the slot counting the booking at the other process',
    async () => ((await second.slots('pasy', day)).body!.slots.find((s: { startsAt: number }) => s.startsAt === slot.startsAt)?.free ?? 0) === slot.free - 1,
    10_000,
  );
  assert.is((await second.cancelPreview(code, 'jana.novakova@example.cz')).status, 200, 'the e-mail is compared as the office does (case)');
  assert.is((await second.cancel(code, 'someone@example.cz')).body!.error.code, 'notFound', 'a wrong e-mail looks like an unknown code');
  assert.is((await first.cancel(code, 'jana.novakova@example.cz')).status, 200);
  const row = await pool.query("SELECT status, record ? 'person' AS person FROM hub_bookings WHERE id = $1", [held.body!.holdId]);
  assert.equal(row.rows, [{ status: 'cancelled', person: false }], 'a bare record stays, without the personal data');
  assert.is((await pool.query("SELECT count(*)::int AS n FROM hub_outbox WHERE office_id = 'kostelec'")).rows[0].n, 0, 'every mail sent and taken off the queue');
});

test("an office's new configuration reaches every running process within their refresh, without a restart", async () => {
  await putOffice(pool, 'rychnov', easy('Rychnov nad Kněžnou, Staré náměstí', 'http://hub.example/o/rychnov'));
  for (const k of [0, 1]) {
    await eventually(
      `process ${k} showing the new name`,
      async () => (await bookingClient(base(k, 'rychnov')).request('GET', '/api/office')).body!.name.cs === 'Rychnov nad Kněžnou, Staré náměstí',
      30_000,
    );
  }
});

test('an office put into the database while the processes run is served by every one of them within their refresh, without a restart; an unknown one is a 404', async () => {
  const unknown = await bookingClient(base(0, 'hostinne')).request('GET', '/api/office');
  assert.equal([unknown.status, unknown.body!.error.code], [404, 'notFound']);
  const hostinne = easy('Hostinné', 'http://hub.example/o/hostinne');
  await putOffice(pool, 'hostinne', { ...hostinne, office: { ...hostinne.office, id: 'hostinne' } });
  for (const k of [0, 1]) {
    const client = bookingClient(base(k, 'hostinne'));
    await eventually(`process ${k} serving it`, async () => (await client.request('GET', '/api/office')).body?.name?.cs === 'Hostinné', 30_000);
    const days = await client.days('pasy');
    assert.is(days.status, 200);
    assert.ok(
      days.body!.days.some((d: { free: number }) => d.free > 0),
      'with its own free places',
    );
  }
  const listed = (await bookingClient(`http://127.0.0.1:${hubs[1]!.httpPort}`).request('GET', '/api/offices')).body!.offices;
  assert.ok(
    listed.some((o: { id: string }) => o.id === 'hostinne'),
    'and on the list of offices',
  );
});

test('bad input at the hub is refused with the office API error and changes nothing', async () => {
  const client = bookingClient(base(0, 'rychnov'));
  const count = async () => (await pool.query('SELECT (SELECT count(*) FROM hub_bookings)::int AS b, (SELECT count(*) FROM hub_outbox)::int AS m')).rows[0];
  const before = await count();
  const bad = await client.request('POST', '/api/holds', { serviceId: 'pasy', startsAt: 'tomorrow' });
  assert.is(bad.status, 400);
  assert.is(bad.body!.error.code, 'invalidRequest');
  const wrongProof = await client.hold({ serviceId: 'pasy', startsAt: tuesdayNine + 86_400_000 }, {
    challenge: { algorithm: 'SHA-256', challenge: 'x', salt: 'y', signature: 'z' },
    solution: { number: 1 },
  } as never);
  assert.ok([400, 403].includes(wrongProof.status), `a made-up proof refused (${wrongProof.status})`);
  assert.is((await client.request('GET', '/api/services/nope/days')).body!.error.code, 'unknownService');
  assert.is((await fetch(`http://127.0.0.1:${hubs[1]!.httpPort}/o/nowhere/api/office`)).status, 404);
  assert.equal(await count(), before);
});

test("an address's allowance is counted once across the hub's processes, not once per process", async () => {
  // Rychnov's cancellation form takes 10 tries per address in 10 minutes (the default); the tries go to both processes in turn.
  const statuses: number[] = [];
  for (let k = 0; k < 12; k++) statuses.push((await bookingClient(base(k % 2, 'rychnov')).cancelPreview('12345678', 'nikdo@example.cz')).status);
  assert.equal(statuses.slice(0, 10), Array(10).fill(404), 'ten tries answered (no such booking)');
  assert.equal(statuses.slice(10), [429, 429], 'the eleventh is over the allowance, at either process');
  const kostelec = await bookingClient(base(1, 'kostelec')).cancelPreview('12345678', 'nikdo@example.cz');
  assert.is(kostelec.status, 404, "another office's form counts on its own");
});

test('the sweep at the hub removes a lapsed hold, and its link then says the time ran out', async () => {
  const client = bookingClient(base(1, 'rychnov'));
  const day = (await client.days('pasy')).body!.days.find((d: { free: number }) => d.free > 0).day as string;
  const slot = (await client.slots('pasy', day)).body!.slots.find((s: { free: number }) => s.free > 0);
  const held = await client.hold({ serviceId: 'pasy', startsAt: slot.startsAt, email: 'lapse@example.cz' });
  assert.is(held.status, 201);
  const token = confirmTokenIn(await mailAbout('rychnov', held.body!.holdId));
  await pool.query("UPDATE hub_bookings SET held_until = 0, record = jsonb_set(record, '{heldUntil}', '0') WHERE id = $1", [held.body!.holdId]);
  // The processes sweep each minute; the same sweep run here at once, on the one database.
  const site = await createHubSite({
    pool,
    clock: new ManualClock(tuesdayNine),
    log: createLogger('hub', () => {}),
    mailer: () => unusedMailer,
    mailReady: () => true,
    proofSecrets: proofSecretsFrom(randomBytes(32).toString('hex')),
  });
  try {
    await site.sweep();
  } finally {
    await site.stop();
  }
  assert.is((await pool.query('SELECT 1 FROM hub_bookings WHERE id = $1', [held.body!.holdId])).rowCount, 0, 'the hold and its personal data are gone');
  assert.is((await client.summary(token)).body!.state, 'expired');
  assert.is((await client.confirm(token)).body!.error.code, 'holdExpired');
});

test("a hub database at the previous release's schema (migrations 1-4, with bookings) is upgraded in place: its bookings are found by their links afterwards", async () => {
  const old = await server.database();
  const previous = join(dir.path, 'migrations-1-4');
  await mkdir(previous);
  const real = fileURLToPath(new URL('../../broker/store/pg/migrations/', import.meta.url));
  for (const file of (await readdir(real)).filter((f) => Number(f.slice(0, 3)) <= 4)) await copyFile(join(real, file), join(previous, file));
  assert.equal(await migrate(old, previous), [1, 2, 3, 4]);
  const config = easy('Kostelec nad Orlicí', 'http://hub.example/o/kostelec');
  // A hold as the previous release stored it (its own statement: today's refers to the newer tables).
  const startsAt = tuesdayNine + 86_400_000;
  const person = { name: 'Jana', email: 'jana@example.cz', emailKey: 'jana@example.cz' };
  const record = {
    id: 'old-booking-1',
    serviceId: 'pasy',
    workplaceId: 'spravni',
    day: '2026-11-25',
    startsAt,
    status: 'held',
    createdAt: tuesdayNine,
    heldUntil: tuesdayNine + 1_800_000,
    confirmToken: 'T'.repeat(22),
    language: 'cs',
    icsSequence: 0,
    clientKey: 'c',
    person,
  };
  await old.query(
    `INSERT INTO hub_bookings (id, office_id, service_id, day, starts_at, status, held_until, email_key, client_key, record) VALUES ('old-booking-1', 'kostelec', 'pasy', '2026-11-25', $1, 'held', $2, $3, 'c', $4)`,
    [startsAt, record.heldUntil, person.emailKey, JSON.stringify(record)],
  );
  assert.equal(await migrate(old), [5, 6, 7], 'only the new migrations ran');
  const office = { id: 'kostelec', config, suspension: null, addressSalt: 's' };
  const read = await new HubBook(old, cryptoDraw).read(office, { find: { token: 'T'.repeat(22) } }, tuesdayNine);
  assert.is(read.state.bookings.get('old-booking-1')?.person?.name, 'Jana');
});

test.run();
