import type pg from 'pg';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HubLoginThrottle } from '../../broker/hub/hub-login-throttle.ts';
import { LoginThrottle } from '../../broker/staff/login-throttle.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';

let server: TestPostgres;
let db: pg.Pool;
const rules = () => ({ lockoutAttempts: 3, lockoutMinutes: 15 });
test.before(async () => {
  server = await startPostgres();
  db = await server.database();
  await migrate(db);
});
test.after(async () => {
  await server.stop();
});

test('the hub throttle decides each attempt as the office throttle does, over the same failures', async () => {
  const hub = new HubLoginThrottle(db, rules);
  const office = new LoginThrottle(rules);
  let now = 1_000_000;
  const seen: string[] = [];
  // Failures from two addresses, a right password in between, and time passing past a delay.
  for (const [address, right, step] of [
    ['a', false, 10],
    ['a', false, 10],
    ['a', false, 10],
    ['a', false, 10],
    ['b', false, 10],
    ['a', true, 5_000],
    ['a', false, 10],
    ['b', true, 10],
  ] as const) {
    now += step;
    const [fromHub, fromOffice] = [await hub.begin('jana', address, now), office.begin('jana', address, now)];
    assert.equal(fromHub.ok, fromOffice.ok, `attempt from ${address} at ${now}`);
    if (!fromHub.ok && !fromOffice.ok) assert.equal(fromHub.retryAt, fromOffice.retryAt);
    if (fromHub.ok && fromOffice.ok && right) {
      await fromHub.succeeded();
      fromOffice.succeeded();
    }
    seen.push(fromHub.ok ? 'ok' : 'wait');
    assert.equal((await hub.slowed(['jana'], now)).has('jana'), office.slowed('jana', now), `slowed at ${now}`);
  }
  assert.ok(seen.includes('wait'), `the run slowed the name at least once: ${seen.join(' ')}`);
});

test('a burst of attempts at once over several connections is counted one by one', async () => {
  // One pool of many connections: the attempts run in transactions of their own at once, as from several processes.
  const throttles = [new HubLoginThrottle(db, rules), new HubLoginThrottle(db, rules)];
  const now = 5_000_000;
  const outcomes = await Promise.all(Array.from({ length: 12 }, (_, k) => throttles[k % 2]!.begin('petr', 'c', now)));
  assert.equal(outcomes.filter((o) => o.ok).length, rules().lockoutAttempts, 'only the free attempts went through');
});

test('an administrator clears a slowed name', async () => {
  const throttle = new HubLoginThrottle(db, rules);
  const now = 9_000_000;
  for (let k = 0; k < 4; k++) await throttle.begin('eva', 'd', now);
  assert.ok((await throttle.slowed(['eva'], now)).has('eva'));
  await throttle.clear('eva');
  assert.not.ok((await throttle.slowed(['eva'], now)).has('eva'));
  assert.ok((await throttle.begin('eva', 'd', now)).ok);
});

test.run();
