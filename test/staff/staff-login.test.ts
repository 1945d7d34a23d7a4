import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bookingClient } from '../support/booking-client.ts';
import { runOffice, type RunningOffice } from '../support/office-fixture.ts';
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
  assert.equal(office.server.accounts.list().map((a) => a.username), ['novak', 'reditelka']);
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

test('a wrong password and an unknown name get the same answer; five wrong lock the account, even against the right password, until the lockout ends', async () => {
  const staff = staffClient(base);
  const unknown = await staff.login('nikdo', 'cokoliv-dlouheho');
  const wrong = await staff.login('novak', 'spatne-heslo-123');
  assert.equal([unknown.status, unknown.body], [wrong.status, wrong.body]);
  assert.is(wrong.body!.error.code, 'badCredentials');
  for (let k = 2; k <= 4; k++) assert.is((await staff.login('novak', 'spatne-heslo-123')).status, 401, `attempt ${k}`);
  const fifth = await staff.login('novak', 'spatne-heslo-123');
  assert.is(fifth.status, 429);
  assert.is(fifth.body!.error.code, 'lockedOut');
  assert.is((await staff.login('novak')).body!.error.code, 'lockedOut', 'the right password while locked');
  office.clock.advance(15 * 60_000);
  assert.is((await staff.login('novak')).status, 200, 'after the lockout');
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
  assert.is(office.server.booking.info().suspension, null);
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
