import type pg from 'pg';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { putOffice } from '../../broker/hub/hub-offices.ts';
import { HubSessions } from '../../broker/hub/hub-sessions.ts';
import { HubStaffAccounts } from '../../broker/hub/hub-staff-accounts.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import { kostelec } from '../support/office-fixture.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';

let server: TestPostgres;
let db: pg.Pool;
const rules = { idleMinutes: 30, sessionHours: 10, lockoutAttempts: 3, lockoutMinutes: 15 };
const password = 'dlouhé-heslo-na-úřad-7';
test.before(async () => {
  server = await startPostgres();
  db = await server.database();
  await migrate(db);
  await putOffice(db, 'kostelec', kostelec());
});
test.after(async () => {
  await server.stop();
});

const accounts = () => new HubStaffAccounts(db, { now: () => 1_000_000, rules: () => rules });

test("an office's accounts and the region's are listed apart, and a name is taken once across them", async () => {
  const hub = accounts();
  assert.ok((await hub.add({ username: 'jana', name: 'Jana Nováková', role: 'admin', password }, 'kostelec')).ok);
  assert.ok((await hub.add({ username: 'kraj', name: 'Karel Krajský', role: 'admin', password }, null)).ok);
  const taken = await hub.add({ username: 'jana', name: 'Jiná Jana', role: 'clerk', password }, null);
  assert.equal(taken.ok ? null : taken.error.code, 'usernameTaken');
  assert.equal(
    (await hub.list('kostelec')).map((a) => a.username),
    ['jana'],
  );
  assert.equal(
    (await hub.list(null)).map((a) => [a.username, a.officeId]),
    [['kraj', null]],
  );
});

test('two processes adding one name at once: exactly one account', async () => {
  const outcomes = await Promise.all([accounts(), accounts()].map((hub, k) => hub.add({ username: 'petr', name: `Petr ${k}`, role: 'clerk', password }, 'kostelec')));
  assert.equal(outcomes.filter((o) => o.ok).length, 1);
  assert.equal(outcomes.filter((o) => !o.ok && o.error.code === 'usernameTaken').length, 1);
});

test('login: the right password, a wrong one, a disabled account answered as a wrong password, and slowing after the free attempts', async () => {
  const hub = accounts();
  await hub.add({ username: 'eva', name: 'Eva Malá', role: 'clerk', password }, 'kostelec');
  const ok = await hub.login(' EVA ', password, '10.0.0.1');
  assert.equal(ok.ok && ok.data, { username: 'eva', name: 'Eva Malá', role: 'clerk', officeId: 'kostelec' });
  await hub.change('eva', { disabled: true });
  const disabled = await hub.login('eva', password, '10.0.0.1');
  assert.equal(disabled.ok ? null : disabled.error.code, 'badCredentials');
  await hub.change('eva', { disabled: false });
  for (let k = 0; k < rules.lockoutAttempts; k++) await hub.login('eva', 'špatné heslo', '10.0.0.2');
  const slowed = await hub.login('eva', password, '10.0.0.2');
  assert.equal(slowed.ok ? null : slowed.error.code, 'lockedOut', 'the free attempts of that address are spent');
  assert.ok((await hub.login('eva', password, '10.0.0.3')).ok, 'another address is not kept out');
  const listed = await hub.list('kostelec');
  assert.equal(
    listed.filter((a) => a.slowed).map((a) => a.username),
    ['eva'],
    'the list shows the slowed name, and only it',
  );
  await hub.unlock('eva');
  assert.not.ok(
    (await hub.list('kostelec')).some((a) => a.slowed),
    'unlocking clears it from the list',
  );
  assert.ok((await hub.login('eva', password, '10.0.0.2')).ok, 'unlocked');
});

test('a removed account is gone, and a weak password is refused with nothing stored', async () => {
  const hub = accounts();
  const weak = await hub.add({ username: 'slaby', name: 'Slabý Heslo', role: 'clerk', password: 'slabyslabyslaby' }, 'kostelec');
  assert.equal(weak.ok ? null : weak.error.code, 'weakPassword');
  assert.equal(await hub.get('slaby'), undefined);
  assert.ok(await hub.remove('petr'));
  assert.not.ok(await hub.remove('petr'));
});

test('a session opened by one process is found by another, ends when idle, and goes with a disabled or removed account', async () => {
  let now = 2_000_000;
  const clock = { now: () => now, rules: () => rules };
  const [one, other] = [new HubSessions(db, clock), new HubSessions(db, clock)];
  const hub = accounts();
  await hub.add({ username: 'olga', name: 'Olga Nová', role: 'clerk', password }, 'kostelec');
  const account = (await hub.get('olga'))!;
  const { token, session } = await one.create(account);
  assert.equal((await other.find(token))?.account, account);
  assert.equal((await other.find(token))?.csrfToken, session.csrfToken);
  assert.equal(await other.find(`${token}x`), undefined, 'another token finds nothing');
  now += (rules.idleMinutes - 1) * 60_000;
  assert.ok(await one.find(token, false), 'a page poll, just before the idle end');
  now += 2 * 60_000;
  assert.equal(await other.find(token), undefined, 'the poll kept no idle session alive');
  const second = await one.create(account);
  await hub.change('olga', { disabled: true });
  assert.equal(await other.find(second.token), undefined, 'a disabled account has no session');
  await hub.change('olga', { disabled: false });
  assert.ok(await other.find(second.token));
  await hub.remove('olga');
  assert.equal(await other.find(second.token), undefined, 'a removed account has no session');
});

test.run();
