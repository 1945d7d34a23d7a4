import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bookingClient } from '../support/booking-client.ts';
import { requestFrom } from '../support/from-address.ts';
import { type RunningOffice, runOffice } from '../support/office-fixture.ts';
import { addAccount, adminToken, goodPassword, staffClient } from '../support/staff-client.ts';

let office: RunningOffice;
let base: string;
test.before(async () => {
  office = await runOffice({ adminToken });
  base = `http://127.0.0.1:${office.server.httpPort}`;
  assert.is((await addAccount(base, 'reditelka', 'admin')).status, 201);
  assert.is((await addAccount(base, 'novak', 'clerk', 'Petr Novák')).status, 201);
});
test.after(async () => {
  await office.stop();
});

test('the first administrator is made with the admin token; without it, or with a weak password, nothing is made', async () => {
  const { request } = bookingClient(base);
  const body = { username: 'vetrelec', name: 'Vetřelec', role: 'admin', password: goodPassword };
  assert.is((await request('POST', '/api/admin/staff', body)).status, 401);
  assert.is((await request('POST', '/api/admin/staff', body, { authorization: 'Bearer wrong' })).status, 401);
  const weak = await request('POST', '/api/admin/staff', { ...body, password: 'krátké' }, { authorization: `Bearer ${adminToken}` });
  assert.is(weak.status, 400);
  assert.match(weak.body!.error.detail, 'at least 12 characters');
  assert.is((await addAccount(base, 'reditelka', 'admin')).status, 409, 'a taken name');
  assert.equal(
    office.server.accounts.list().map((a) => a.username),
    ['novak', 'reditelka'],
  );
});

test('the session cookie is HttpOnly, Secure and SameSite=Strict, and the session names the account', async () => {
  const staff = staffClient(base);
  const answer = await staff.login('Reditelka');
  assert.is(answer.status, 200);
  const cookie = answer.headers.get('set-cookie')!;
  assert.match(cookie, /^fronta_staff=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict; Max-Age=36000$/);
  assert.equal(answer.body!.account, { username: 'reditelka', name: 'Jana Nováková', role: 'admin' });
  const session = await staff.call('GET', '/api/staff/session');
  assert.is(session.status, 200);
  assert.is(session.body!.csrfToken, answer.body!.csrfToken);
});

test('a wrong password and an unknown name get the same answer; after five wrong the name is slowed from that address with growing delays, never from an address that has not failed, until an administrator clears it', async () => {
  const login = (from: string, username: string, password = goodPassword) => requestFrom(from, `${base}/api/staff/login`, 'POST', { username, password });
  const unknown = await login('127.0.0.21', 'nikdo', 'cokoliv-dlouheho');
  const wrong = await login('127.0.0.21', 'novak', 'spatne-heslo-123');
  assert.equal([unknown.status, unknown.body], [wrong.status, wrong.body]);
  assert.is(wrong.body!.error.code, 'badCredentials');
  for (let k = 2; k <= 5; k++) assert.is((await login('127.0.0.21', 'novak', 'spatne-heslo-123')).status, 401, `attempt ${k}`);
  const sixth = await login('127.0.0.21', 'novak', 'spatne-heslo-123');
  assert.equal([sixth.status, sixth.body!.error.code], [429, 'lockedOut']);
  assert.is((await login('127.0.0.21', 'novak')).body!.error.code, 'lockedOut', 'the right password from the failing address waits too');
  assert.is((await login('127.0.0.22', 'novak')).status, 200, 'the owner at another address logs in');
  office.clock.advance(1000);
  assert.is((await login('127.0.0.21', 'novak', 'spatne-heslo-123')).status, 401, 'after a second, one more try');
  office.clock.advance(1000);
  assert.is((await login('127.0.0.21', 'novak', 'spatne-heslo-123')).status, 429, 'the next delay is longer: two seconds');

  const admin = staffClient(base);
  await admin.login('reditelka');
  const listed = await admin.call('GET', '/api/staff/accounts');
  assert.ok(listed.body!.accounts.find((a: { username: string }) => a.username === 'novak').slowed, 'the accounts page sees it');
  assert.is((await admin.call('DELETE', '/api/staff/accounts/novak/lock')).status, 204);
  assert.is((await login('127.0.0.21', 'novak')).status, 200, 'cleared by the administrator');
});

test('24 wrong passwords sent at once are counted one by one: only the five free ones are checked', async () => {
  const answers = await Promise.all(Array.from({ length: 24 }, () => requestFrom('127.0.0.23', `${base}/api/staff/login`, 'POST', { username: 'reditelka', password: 'hadam-hadam-hadam' })));
  const statuses = answers.map((a) => a.status).sort();
  assert.equal(statuses, [...Array(5).fill(401), ...Array(19).fill(429)]);
  assert.is((await requestFrom('127.0.0.24', `${base}/api/staff/login`, 'POST', { username: 'reditelka', password: goodPassword })).status, 200);
});

test('a new password that is common, built on a breached one, a repeated pattern or the name is refused; a passphrase is taken', async () => {
  const admin = staffClient(base);
  await admin.login('reditelka');
  for (const password of ['heslo1234567', 'Password2026!', 'qwertyuiop123', 'abcabcabcabc', 'pnovotny-2026-x', 'Novotný.Petr.77']) {
    const answer = await admin.call('POST', '/api/staff/accounts', { username: 'pnovotny', name: 'Petr Novotný', role: 'clerk', password });
    assert.equal([answer.status, answer.body!.error.code], [400, 'weakPassword'], password);
  }
  assert.is((await admin.call('POST', '/api/staff/accounts', { username: 'pnovotny', name: 'Petr Novotný', role: 'clerk', password: 'kůň-skáče-přes-plot' })).status, 201);
});

test("the dashboard's own poll keeps no idle session alive; a person's request does", async () => {
  const clerk = staffClient(base);
  await clerk.login('novak');
  const poll = () => clerk.call('GET', '/api/staff/dashboard', undefined, { headers: { 'x-fronta-background': '1' } });
  for (let k = 0; k < 5; k++) {
    office.clock.advance(5 * 60_000);
    assert.is((await poll()).status, 200);
  }
  office.clock.advance(6 * 60_000);
  assert.is((await poll()).status, 401, '31 minutes after the last thing the clerk did, polled all along');
  const busy = staffClient(base);
  await busy.login('novak');
  office.clock.advance(25 * 60_000);
  assert.is((await busy.call('GET', '/api/staff/bookings?day=2026-11-24')).status, 200);
  office.clock.advance(25 * 60_000);
  assert.is((await poll()).status, 401, 'the first clerk stays out');
  assert.is((await busy.call('GET', '/api/staff/session')).status, 200, 'a person reading a page 25 minutes ago keeps the session');
});

test('a change without the CSRF token, or from another site, is refused and changes nothing', async () => {
  const staff = staffClient(base);
  await staff.login('reditelka');
  const suspend = { workplaceIds: null, notice: { cs: 'Mimo provoz.', en: 'Out of service.' } };
  const missing = await staff.call('PUT', '/api/staff/suspension', suspend, { csrf: false });
  assert.equal([missing.status, missing.body!.error.code], [403, 'csrfFailed']);
  const foreign = await staff.call('PUT', '/api/staff/suspension', suspend, { headers: { origin: 'https://evil.example' } });
  assert.equal([foreign.status, foreign.body!.error.code], [403, 'csrfFailed']);
  const forged = await staff.call('PUT', '/api/staff/suspension', suspend, { headers: { 'x-csrf-token': 'x'.repeat(32) } });
  assert.is(forged.status, 403);
  assert.is(office.server.bookings.citizens.info().suspension, null);
  const logout = await staff.call('POST', '/api/staff/logout', undefined, { csrf: false });
  assert.is(logout.status, 403);
  assert.is((await staff.call('GET', '/api/staff/session')).status, 200, 'still logged in');
});

test('a session ends after 30 idle minutes, and after 10 hours however busy; logging out ends it at once', async () => {
  const idle = staffClient(base);
  await idle.login('novak');
  office.clock.advance(29 * 60_000);
  assert.is((await idle.call('GET', '/api/staff/session')).status, 200);
  office.clock.advance(30 * 60_000);
  assert.is((await idle.call('GET', '/api/staff/session')).status, 401);

  const busy = staffClient(base);
  await busy.login('novak');
  for (let k = 0; k < 29; k++) {
    office.clock.advance(20 * 60_000);
    assert.is((await busy.call('GET', '/api/staff/session')).status, 200, `after ${(k + 1) * 20} minutes`);
  }
  office.clock.advance(20 * 60_000);
  assert.is((await busy.call('GET', '/api/staff/session')).status, 401, 'at 10 hours');

  const leaving = staffClient(base);
  await leaving.login('novak');
  assert.is((await leaving.call('POST', '/api/staff/logout')).status, 204);
  assert.is((await leaving.call('GET', '/api/staff/session')).status, 401);
});

test('every staff route refuses the anonymous (401), and every administrator route refuses a clerk (403)', async () => {
  const staffRoutes = office.server.routes.filter((r) => r.staffRole !== null && r.method !== 'HEAD');
  assert.ok(staffRoutes.length >= 12, `${staffRoutes.length} staff routes`);
  const clerk = staffClient(base);
  await clerk.login('novak');
  const anonymous = staffClient(base);
  // Path parameters filled with something well-formed: the guard answers before the route looks at them.
  const concrete = (url: string) => url.replace(/:[a-zA-Z]+/g, 'x1').replace(/\*$/, 'x');
  for (const route of staffRoutes) {
    const url = `${concrete(route.url)}?day=2026-11-24`;
    const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
    const anon = await anonymous.call(route.method, url, body);
    assert.is(anon.status, 401, `anonymous ${route.method} ${route.url}`);
    if (route.staffRole === 'admin') {
      const refused = await clerk.call(route.method, url, body);
      assert.is(refused.status, 403, `clerk ${route.method} ${route.url}`);
    }
  }
  assert.ok(staffRoutes.some((r) => r.staffRole === 'admin' && r.url === '/api/staff/suspension'));
});

test.run();
