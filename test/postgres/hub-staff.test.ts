import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type pg from 'pg';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { putOffice } from '../../broker/hub/hub-offices.ts';
import { emptyCell } from '../../broker/statistics/day-aggregate.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import type { ServerProcess } from '../../scripts/lib/server-process.ts';
import { withPublicBase } from '../../shared/config/public-address.ts';
import { bookingClient, confirmTokenIn } from '../support/booking-client.ts';
import { eventually } from '../support/eventually.ts';
import { hubMail, hubProcessEnv, startHubProcess } from '../support/hub-process.ts';
import { kostelec, tuesdayNine } from '../support/office-fixture.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { goodPassword } from '../support/staff-client.ts';
import { tempDir } from '../support/temp-dir.ts';

let server: TestPostgres;
let pool: pg.Pool;
let dir: Awaited<ReturnType<typeof tempDir>>;
let env: Record<string, string>;
const hubs: ServerProcess[] = [];

const office = (id: string, name: string) =>
  withPublicBase(
    kostelec((c) => {
      c.office.id = id;
      c.office.name = { cs: name, en: name };
      c.booking = { proofOfWork: { minCounter: 50, maxCounter: 200 } };
    }),
    `http://hub.example/o/${id}`,
  );

/** `npm run hub-staff` as an administrator runs it, against the test's database. */
async function hubStaff(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/hub-staff.ts', ...args], { env: { ...process.env, ...env, FRONTA_STAFF_PASSWORD: goodPassword } });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, out: failed.stderr };
  }
}

test.before(async () => {
  server = await startPostgres();
  pool = await server.database();
  await migrate(pool);
  dir = await tempDir();
  await putOffice(pool, 'kostelec', office('kostelec', 'Kostelec nad Orlicí'));
  await putOffice(pool, 'rychnov', office('rychnov', 'Rychnov nad Kněžnou'));
  env = await hubProcessEnv(server, pool, dir.path, { FRONTA_CLOCK_OFFSET_MS: String(tuesdayNine - Date.now()) });
  hubs.push(...(await Promise.all([1, 2].map(() => startHubProcess(env)))));
});

test.after(async () => {
  await Promise.all(hubs.map((h) => h.stop()));
  await server.stop();
  await dir.remove();
});

/** `k`: which booking process; `place`: an office, or the region's pages at the root. */
const at = (k: number, place?: string) => `http://127.0.0.1:${hubs[k]!.httpPort}${place ? `/o/${place}` : ''}`;

/** One person's browser: its cookie goes to every process and every place, as a browser's does to one host. */
function browser() {
  let cookie = '';
  let csrf = '';
  return {
    async login(base: string, username: string, password = goodPassword) {
      const answer = await bookingClient(base).request('POST', '/api/staff/login', { username, password });
      if (answer.status === 200) {
        cookie = answer.headers.get('set-cookie')!.split(';')[0]!;
        csrf = answer.body!.csrfToken;
      }
      return answer;
    },
    call: (base: string, method: string, path: string, body?: unknown) => bookingClient(base).request(method, path, body, { cookie, 'x-csrf-token': csrf }),
    async text(base: string, path: string) {
      return (await fetch(`${base}${path}`, { headers: { cookie } })).text();
    },
  };
}

const bookingsTable = async () => JSON.stringify((await pool.query('SELECT id, status FROM hub_bookings ORDER BY id')).rows);
const accountsTable = async () => JSON.stringify((await pool.query('SELECT username, name, role, office_id, password_hash, disabled FROM hub_staff ORDER BY username')).rows);

test('the hub-staff command adds the first administrators, of the region and of an office; an unknown office or a weak password stores nothing', async () => {
  const region = await hubStaff('add', '--username', 'kraj', '--name', 'Krajská správkyně');
  assert.is(region.code, 0, region.out);
  assert.match(region.out, /the region/);
  const kostelecAdmin = await hubStaff('add', '--username', 'vedouci', '--name', 'Vedoucí Kostelec', '--office', 'kostelec');
  assert.is(kostelecAdmin.code, 0, kostelecAdmin.out);
  const before = await accountsTable();
  const unknown = await hubStaff('add', '--username', 'nikdo', '--name', 'Nikdo', '--office', 'praha');
  assert.is(unknown.code, 1);
  assert.match(unknown.out, /no office praha/);
  const taken = await hubStaff('add', '--username', 'kraj', '--name', 'Jiná');
  assert.is(taken.code, 1);
  assert.match(taken.out, /usernameTaken/);
  assert.is(await accountsTable(), before);
  const rows = (await pool.query('SELECT username, role, office_id FROM hub_staff ORDER BY username')).rows;
  assert.equal(rows, [
    { username: 'kraj', role: 'admin', office_id: null },
    { username: 'vedouci', role: 'admin', office_id: 'kostelec' },
  ]);
});

test("a session opened at one process holds at the other and at every office's pages; logging out at one ends it at all", async () => {
  const person = browser();
  const login = await person.login(at(0), 'kraj');
  assert.is(login.status, 200, JSON.stringify(login.body));
  assert.equal(login.body!.hub, {
    officeId: null,
    here: null,
    offices: [
      { id: 'kostelec', name: { cs: 'Kostelec nad Orlicí', en: 'Kostelec nad Orlicí' } },
      { id: 'rychnov', name: { cs: 'Rychnov nad Kněžnou', en: 'Rychnov nad Kněžnou' } },
    ],
  });
  for (const place of ['kostelec', 'rychnov']) {
    const session = await person.call(at(1, place), 'GET', '/api/staff/session');
    assert.is(session.status, 200, place);
    assert.is(session.body!.hub.here, place);
  }
  assert.is((await person.call(at(1), 'POST', '/api/staff/logout')).status, 204);
  assert.is((await person.call(at(0, 'kostelec'), 'GET', '/api/staff/session')).status, 401, 'gone at the other process too');
});

test("an office's staff work at their own office's pages only: another office's login, session and bookings, and the region's statistics are refused", async () => {
  const person = browser();
  const elsewhere = await person.login(at(0, 'rychnov'), 'vedouci');
  assert.is(elsewhere.status, 403);
  assert.is(elsewhere.body!.error.code, 'forbidden');
  assert.is(elsewhere.headers.get('set-cookie'), null, 'no session opened');
  const home = await person.login(at(1, 'kostelec'), 'vedouci');
  assert.is(home.status, 200);
  assert.equal(
    home.body!.hub.offices.map((o: { id: string }) => o.id),
    ['kostelec'],
    'the picker offers its own office only',
  );
  assert.is((await person.call(at(0, 'kostelec'), 'GET', '/api/staff/bookings?day=2026-11-25')).status, 200);
  for (const [base, path] of [
    [at(0, 'rychnov'), '/api/staff/session'],
    [at(1, 'rychnov'), '/api/staff/bookings?day=2026-11-25'],
    [at(0, 'rychnov'), '/api/staff/accounts'],
    [at(1), '/api/staff/statistics?from=2026-11-01&to=2026-11-30'],
    [at(0), '/api/staff/accounts'],
  ] as const)
    assert.is((await person.call(base, 'GET', path)).status, 403, `${base}${path}`);
  // The region's root still tells them who they are, for the pages to send them on to their office.
  assert.is((await person.call(at(0), 'GET', '/api/staff/session')).body!.hub.officeId, 'kostelec');
});

test("an office's administrator manages that office's accounts only; the region's are out of reach; a disabled colleague is out at once, in every process", async () => {
  const admin = browser();
  await admin.login(at(0, 'kostelec'), 'vedouci');
  const added = await admin.call(at(1, 'kostelec'), 'POST', '/api/staff/accounts', { username: 'petra', name: 'Petra Malá', role: 'clerk', password: goodPassword });
  assert.is(added.status, 201, JSON.stringify(added.body));
  assert.is((await pool.query('SELECT office_id FROM hub_staff WHERE username = $1', ['petra'])).rows[0].office_id, 'kostelec');
  const listed = await admin.call(at(0, 'kostelec'), 'GET', '/api/staff/accounts');
  assert.equal(
    listed.body!.accounts.map((a: { username: string }) => a.username),
    ['petra', 'vedouci'],
  );
  const before = await accountsTable();
  for (const [method, path, body] of [
    ['PATCH', '/api/staff/accounts/kraj', { disabled: true }],
    ['PUT', '/api/staff/accounts/kraj/password', { newPassword: 'úplně-jiné-heslo-77' }],
    ['DELETE', '/api/staff/accounts/kraj', undefined],
  ] as const)
    assert.is((await admin.call(at(0, 'kostelec'), method, path, body)).status, 404, `${method} ${path}: not this office's account`);
  assert.is(await accountsTable(), before);

  const clerk = browser();
  assert.is((await clerk.login(at(0, 'kostelec'), 'petra')).status, 200);
  assert.is((await admin.call(at(1, 'kostelec'), 'PATCH', '/api/staff/accounts/petra', { disabled: true })).status, 204);
  assert.is((await clerk.call(at(0, 'kostelec'), 'GET', '/api/staff/session')).status, 401, 'her session ended with the change');
  assert.is((await admin.call(at(1, 'kostelec'), 'PATCH', '/api/staff/accounts/petra', { disabled: false })).status, 204);
  assert.is((await clerk.call(at(0, 'kostelec'), 'GET', '/api/staff/session')).status, 401, 'and does not come back when she is enabled again');
  assert.is((await clerk.login(at(1, 'kostelec'), 'petra')).status, 200, 'she logs in anew');
});

test('wrong passwords are counted across the processes, in one record; a name slowed there is refused at both until an administrator unlocks it', async () => {
  const guesser = browser();
  for (let k = 0; k < 5; k += 1) assert.is((await guesser.login(at(k % 2, 'kostelec'), 'petra', 'špatné-heslo')).body!.error.code, 'badCredentials');
  const counts = await pool.query<{ key: string; count: number }>("SELECT key, count FROM hub_login_failures WHERE key LIKE '%petra%' ORDER BY key");
  assert.equal(
    counts.rows.map((r) => [r.key.split(':')[0], r.count]),
    [
      ['name', 5],
      ['pair', 5],
    ],
    'five failures at two processes, one count',
  );
  // Further failures would each wait a doubling delay (a second after the fifth): the record a long run of them leaves.
  await pool.query("UPDATE hub_login_failures SET count = 20 WHERE key LIKE 'pair:petra%'");
  for (const k of [0, 1]) {
    const refused = await guesser.login(at(k, 'kostelec'), 'petra');
    assert.is(refused.body!.error.code, 'lockedOut', `process ${k}`);
    assert.ok(Number(refused.headers.get('retry-after')) > 60);
  }
  const admin = browser();
  await admin.login(at(1, 'kostelec'), 'vedouci');
  const listed = await admin.call(at(0, 'kostelec'), 'GET', '/api/staff/accounts');
  assert.ok(listed.body!.accounts.find((a: { username: string }) => a.username === 'petra').slowed);
  assert.is((await admin.call(at(0, 'kostelec'), 'DELETE', '/api/staff/accounts/petra/lock')).status, 204);
  assert.is((await guesser.login(at(1, 'kostelec'), 'petra')).status, 200);
});

test("the region's statistics are the sum of the offices' as they reported their days, each office's total beside; the CSV names the office on each line", async () => {
  const cell = (issued: number, served: number) => ({ ...emptyCell(), issued, served });
  for (const [officeId, day, cells] of [
    ['kostelec', '2026-11-23', { 'pasy/09': cell(10, 9), 'op/10': cell(4, 4) }],
    ['kostelec', '2026-11-24', { 'pasy/09': cell(6, 6) }],
    ['rychnov', '2026-11-23', { 'pasy/09': cell(7, 5) }],
  ] as const)
    await pool.query('INSERT INTO hub_office_days (office_id, day, cells) VALUES ($1, $2, $3)', [officeId, day, JSON.stringify(cells)]);
  const person = browser();
  await person.login(at(0), 'kraj');
  const query = '?from=2026-11-01&to=2026-11-30';
  const region = (await person.call(at(1), 'GET', `/api/staff/statistics${query}`)).body!;
  const offices = await Promise.all(['kostelec', 'rychnov'].map(async (id) => (await person.call(at(0, id), 'GET', `/api/staff/statistics${query}`)).body!));
  const total = (rows: { issued: number; served: number }[]) => rows.reduce((sum, r) => [sum[0]! + r.issued, sum[1]! + r.served], [0, 0]);
  assert.equal(total(region.byDay), [27, 24]);
  assert.equal(
    total(region.byDay),
    [0, 1].map((k) => total(offices[0]!.byDay)[k]! + total(offices[1]!.byDay)[k]!),
  );
  assert.equal(
    region.byOffice.map((r: { key: string; issued: number; served: number }) => [r.key, r.issued, r.served]),
    [
      ['kostelec', 20, 19],
      ['rychnov', 7, 5],
    ],
  );
  assert.is(offices[0]!.byOffice, undefined, "an office's own pages have no other offices");
  const csv = await person.text(at(0), `/api/staff/statistics.csv${query}`);
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  assert.match(lines[0]!, /^úřad;den;služba/);
  assert.is(lines.length, 5, 'a header and four day/service/hour lines');
  assert.ok(lines.some((l) => l.startsWith('Rychnov nad Kněžnou;2026-11-23')));
});

test("an office's day of bookings made at the hub, and a clerk's cancellation there: the client is told, the office's copy says cancelled; another office's clerk cannot", async () => {
  const citizen = bookingClient(at(0, 'kostelec'));
  const day = (await citizen.days('pasy')).body!.days.find((d: { free: number }) => d.free > 0).day as string;
  const slot = (await citizen.slots('pasy', day)).body!.slots.find((s: { free: number }) => s.free > 0);
  const held = await citizen.hold({ serviceId: 'pasy', startsAt: slot.startsAt, email: 'karel@example.cz', name: 'Karel Dvořák' });
  assert.is(held.status, 201, JSON.stringify(held.body));
  const bookingId = held.body!.holdId as string;
  assert.is((await citizen.confirm(confirmTokenIn(await hubMail(dir.path, 'kostelec', bookingId)))).status, 200);

  const clerk = browser();
  await clerk.login(at(1, 'kostelec'), 'petra');
  const list = await clerk.call(at(0, 'kostelec'), 'GET', `/api/staff/bookings?day=${day}`);
  const row = list.body!.bookings.find((b: { id: string }) => b.id === bookingId);
  assert.is(row.status, 'confirmed');
  assert.is(row.name, 'Karel Dvořák');
  assert.match(await clerk.text(at(1, 'kostelec'), `/api/staff/bookings.csv?day=${day}`), /Karel Dvořák/);

  await hubStaff('add', '--username', 'rychnov-urednik', '--name', 'Úředník Rychnov', '--role', 'clerk', '--office', 'rychnov');
  const stranger = browser();
  await stranger.login(at(0, 'rychnov'), 'rychnov-urednik');
  assert.is((await stranger.call(at(0, 'kostelec'), 'POST', `/api/staff/bookings/${bookingId}/cancel`, { notify: true })).status, 403);
  assert.is((await stranger.call(at(0, 'rychnov'), 'POST', `/api/staff/bookings/${bookingId}/cancel`, { notify: true })).status, 404, "not rychnov's booking");

  assert.is((await clerk.call(at(0, 'kostelec'), 'POST', `/api/staff/bookings/${bookingId}/cancel`, { notify: true })).status, 204);
  assert.is((await pool.query('SELECT status FROM hub_bookings WHERE id = $1', [bookingId])).rows[0].status, 'cancelled');
  assert.is((await pool.query('SELECT booking FROM hub_office_feed WHERE booking_id = $1', [bookingId])).rows[0].booking.status, 'cancelled', 'the office hears of it');
  assert.match(await hubMail(dir.path, 'kostelec', bookingId), /zrušen/i);
  assert.is((await clerk.call(at(1, 'kostelec'), 'POST', `/api/staff/bookings/${bookingId}/cancel`, { notify: true })).status, 404, 'cancelled once');
});

test("a caller booked by a clerk at an office's pages at the hub: confirmed at once, the code mailed, listed as the clerk's, on the office's feed and no longer offered online; another office's clerk cannot, and SMS is refused", async () => {
  const clerk = browser();
  await clerk.login(at(0, 'kostelec'), 'petra');
  const citizen = bookingClient(at(1, 'kostelec'));
  const day = (await citizen.days('pasy')).body!.days.find((d: { free: number }) => d.free > 0).day as string;
  const slots = await clerk.call(at(1, 'kostelec'), 'GET', `/api/staff/services/pasy/slots?day=${day}`);
  assert.is(slots.status, 200, JSON.stringify(slots.body));
  const online = (await citizen.slots('pasy', day)).body!.slots.map((s: { startsAt: number }) => s.startsAt);
  const slot = slots.body!.slots.find((s: { startsAt: number }) => online.includes(s.startsAt));
  const caller = { serviceId: 'pasy', startsAt: slot.startsAt, name: 'Marie Svobodová', email: 'marie@example.cz', phone: '+420 777 123 456', language: 'cs' };

  const before = await bookingsTable();
  const withSms = await clerk.call(at(0, 'kostelec'), 'POST', '/api/staff/bookings', { ...caller, sms: true });
  assert.equal([withSms.status, withSms.body!.error.code], [400, 'invalidRequest'], 'the modem is at the office');
  await hubStaff('add', '--username', 'rychnov-prepazka', '--name', 'Přepážka Rychnov', '--role', 'clerk', '--office', 'rychnov');
  const stranger = browser();
  await stranger.login(at(0, 'rychnov'), 'rychnov-prepazka');
  assert.is((await stranger.call(at(0, 'kostelec'), 'POST', '/api/staff/bookings', caller)).status, 403);
  assert.is(await bookingsTable(), before, 'nothing stored');

  const booked = await clerk.call(at(0, 'kostelec'), 'POST', '/api/staff/bookings', caller);
  assert.is(booked.status, 201, JSON.stringify(booked.body));
  assert.equal([booked.body!.status, booked.body!.name, booked.body!.bookedBy, booked.body!.phone], ['confirmed', 'Marie Svobodová', 'petra', '+420 777 123 456']);
  assert.match(booked.body!.code, /^\d{8}$/);
  const id = booked.body!.id as string;
  const mail = await hubMail(dir.path, 'kostelec', id);
  assert.ok(mail.includes(booked.body!.code), 'the code mailed to the caller');
  const listed = (await clerk.call(at(1, 'kostelec'), 'GET', `/api/staff/bookings?day=${day}`)).body!.bookings.find((b: { id: string }) => b.id === id);
  assert.is(listed.bookedBy, 'petra', 'listed at the other process too');
  const fed = (await pool.query('SELECT booking FROM hub_office_feed WHERE booking_id = $1', [id])).rows[0].booking;
  assert.equal([fed.status, fed.code, fed.name], ['confirmed', booked.body!.code, 'Marie Svobodová'], "on the office's feed, to check in there");
  await eventually('the slot no longer offered online', async () => !(await citizen.slots('pasy', day)).body!.slots.some((s: { startsAt: number }) => s.startsAt === slot.startsAt), 30_000);
  const again = await clerk.call(at(1, 'kostelec'), 'GET', `/api/staff/services/pasy/slots?day=${day}`);
  assert.is(again.body!.slots.length, slots.body!.slots.length - (slot.free === 1 ? 1 : 0), "the staff's list counts it");
  assert.is((await clerk.call(at(0, 'kostelec'), 'POST', `/api/staff/bookings/${id}/cancel`, { notify: false })).status, 204, 'cancelled like any booking made here');
});

test("the crisis switch at an office's pages at the hub: online booking off at every process, the bookings still to come cancelled with the notice; a clerk may not; off again", async () => {
  const citizen = bookingClient(at(1, 'kostelec'));
  const day = (await citizen.days('pasy')).body!.days.find((d: { free: number }) => d.free > 0).day as string;
  const slot = (await citizen.slots('pasy', day)).body!.slots.find((s: { free: number }) => s.free > 0);
  const held = await citizen.hold({ serviceId: 'pasy', startsAt: slot.startsAt, email: 'olga@example.cz', name: 'Olga Černá' });
  const bookingId = held.body!.holdId as string;
  assert.is((await citizen.confirm(confirmTokenIn(await hubMail(dir.path, 'kostelec', bookingId)))).status, 200);
  const notice = { cs: 'Úřad je dnes uzavřen kvůli havárii vody.', en: 'The office is closed today after a burst pipe.' };

  const clerk = browser();
  await clerk.login(at(0, 'kostelec'), 'petra');
  assert.is((await clerk.call(at(0, 'kostelec'), 'PUT', '/api/staff/suspension', { workplaceIds: null, notice })).status, 403, 'administrators only');
  const admin = browser();
  await admin.login(at(0, 'kostelec'), 'vedouci');
  const before = await pool.query('SELECT suspension FROM hub_offices ORDER BY id');
  const unknown = await admin.call(at(0, 'kostelec'), 'PUT', '/api/staff/suspension', { workplaceIds: ['nikde'], notice });
  assert.equal([unknown.status, unknown.body!.error.code], [400, 'invalidRequest']);
  assert.equal((await pool.query('SELECT suspension FROM hub_offices ORDER BY id')).rows, before.rows, 'nothing switched');

  const on = await admin.call(at(0, 'kostelec'), 'PUT', '/api/staff/suspension', { workplaceIds: null, notice, cancelExisting: true });
  assert.equal([on.status, on.body!.cancelled], [200, 1]);
  assert.is((await pool.query('SELECT status FROM hub_bookings WHERE id = $1', [bookingId])).rows[0].status, 'cancelled');
  assert.match(await hubMail(dir.path, 'kostelec', bookingId), /havárii vody/);
  assert.is((await bookingClient(at(0, 'kostelec')).request('GET', '/api/office')).body!.suspension.notice.cs, notice.cs, 'at once at the process that switched');
  await eventually('the other process has it too', async () => (await bookingClient(at(1, 'kostelec')).request('GET', '/api/office')).body!.suspension?.notice.cs === notice.cs, 30_000);
  const refusedHold = await bookingClient(at(1, 'kostelec')).hold({ serviceId: 'pasy', startsAt: slot.startsAt });
  assert.equal([refusedHold.status, refusedHold.body!.error.code], [503, 'suspended']);
  assert.is((await bookingClient(at(1, 'rychnov')).request('GET', '/api/office')).body!.suspension, null, 'another office books on');

  assert.is((await admin.call(at(1, 'kostelec'), 'DELETE', '/api/staff/suspension')).status, 204);
  await eventually(
    'booking on again at both',
    async () => {
      const infos = await Promise.all([0, 1].map(async (k) => (await bookingClient(at(k, 'kostelec')).request('GET', '/api/office')).body!.suspension));
      return infos.every((s) => s === null);
    },
    30_000,
  );
});

test('bad input to the staff routes at the hub is a 400 and changes nothing', async () => {
  const admin = browser();
  await admin.login(at(0), 'kraj');
  const before = await accountsTable();
  const bookingsBefore = await bookingsTable();
  for (const [method, path, body] of [
    ['POST', '/o/kostelec/api/staff/accounts', { username: 'x', name: '', role: 'boss', password: 'short' }],
    ['POST', '/api/staff/accounts', { username: 'nova', name: 'Nová', role: 'admin', password: goodPassword, officeId: 'rychnov' }],
    ['PATCH', '/o/kostelec/api/staff/accounts/petra', {}],
    ['PUT', '/api/staff/my-password', { newPassword: goodPassword }],
    ['GET', '/api/staff/statistics?from=2026-12-01&to=2026-11-01', undefined],
    ['GET', '/o/rychnov/api/staff/bookings?day=tomorrow', undefined],
    ['POST', '/o/rychnov/api/staff/bookings/x/cancel', { notify: 'yes' }],
    ['POST', '/o/rychnov/api/staff/bookings', { serviceId: 'pasy', startsAt: 'nine', name: '', language: 'de' }],
    ['GET', '/o/rychnov/api/staff/services/pasy/slots?day=zitra', undefined],
    ['PUT', '/o/rychnov/api/staff/suspension', { workplaceIds: [], notice: { cs: '' } }],
  ] as const) {
    const answer = await admin.call(at(1), method, path, body);
    assert.is(answer.status, 400, `${method} ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
    assert.type(answer.body!.error.code, 'string');
  }
  assert.is(await accountsTable(), before);
  assert.is(await bookingsTable(), bookingsBefore, 'no booking stored');
});

test.run();
