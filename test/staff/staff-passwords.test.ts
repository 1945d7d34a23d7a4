import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bookingClient } from '../support/booking-client.ts';
import { runOffice } from '../support/office-fixture.ts';
import { addAccount, adminToken, goodPassword, staffClient } from '../support/staff-client.ts';

const newPassword = 'jiné-dlouhé-heslo-456';

async function office() {
  const running = await runOffice({ adminToken });
  const base = `http://127.0.0.1:${running.server.httpPort}`;
  await addAccount(base, 'reditelka', 'admin', 'Jana Nováková');
  await addAccount(base, 'novak', 'clerk', 'Petr Novák');
  return { running, base, site: `http://localhost:${running.server.httpPort}` };
}

test('a clerk changes their own password with the current one; a wrong or weak one changes nothing; every session of the account ends', async () => {
  const { running, site } = await office();
  try {
    const clerk = staffClient(site);
    await clerk.login('novak');
    const elsewhere = staffClient(site);
    await elsewhere.login('novak');

    const wrong = await clerk.call('PUT', '/api/staff/my-password', { currentPassword: 'hádám-heslo-000', newPassword });
    assert.is(wrong.status, 401);
    assert.is(wrong.body!.error.code, 'badCredentials');
    const weak = await clerk.call('PUT', '/api/staff/my-password', { currentPassword: goodPassword, newPassword: 'heslo1234567' });
    assert.is(weak.status, 400);
    assert.is(weak.body!.error.code, 'weakPassword');
    const missingCsrf = await clerk.call('PUT', '/api/staff/my-password', { currentPassword: goodPassword, newPassword }, { csrf: false });
    assert.is(missingCsrf.status, 403);
    assert.is((await staffClient(site).login('novak')).status, 200, 'the old password still works after the refusals');

    assert.is((await clerk.call('PUT', '/api/staff/my-password', { currentPassword: goodPassword, newPassword })).status, 204);
    assert.is((await clerk.call('GET', '/api/staff/session')).status, 401, 'this session ends');
    assert.is((await elsewhere.call('GET', '/api/staff/session')).status, 401, 'and the one opened elsewhere');
    assert.is((await staffClient(site).login('novak')).status, 401, 'the old password no longer works');
    assert.is((await staffClient(site).login('novak', newPassword)).status, 200);
  } finally {
    await running.stop();
  }
});

test("an administrator sets a clerk's password, ending their sessions; a clerk cannot set another's; the command on the server sets any", async () => {
  const { running, base, site } = await office();
  try {
    const admin = staffClient(site);
    await admin.login('reditelka');
    const clerk = staffClient(site);
    await clerk.login('novak');
    assert.is((await clerk.call('PUT', '/api/staff/accounts/reditelka/password', { newPassword })).status, 403);
    assert.is((await admin.call('PUT', '/api/staff/accounts/nikdo/password', { newPassword })).status, 404);
    assert.is((await admin.call('PUT', '/api/staff/accounts/novak/password', { newPassword })).status, 204);
    assert.is((await clerk.call('GET', '/api/staff/session')).status, 401);
    assert.is((await staffClient(site).login('novak', newPassword)).status, 200);

    // `npm run staff -- passwd --username reditelka`, for an administrator locked out: the admin token, from the server itself.
    const reset = (token: string) => bookingClient(base).request('PUT', '/api/admin/staff/reditelka/password', { newPassword: 'heslo-pro-reditelku-789' }, { authorization: `Bearer ${token}` });
    assert.is((await reset('not-the-token')).status, 401);
    assert.is((await reset(adminToken)).status, 204);
    assert.is((await admin.call('GET', '/api/staff/session')).status, 401);
    assert.is((await staffClient(site).login('reditelka', 'heslo-pro-reditelku-789')).status, 200);
  } finally {
    await running.stop();
  }
});

test("an administrator changes a colleague's role and disables the account (it cannot log in, its sessions end) and enables it again; never their own", async () => {
  const { running, base } = await office();
  try {
    const admin = staffClient(base);
    await admin.login('reditelka');
    const clerk = staffClient(base);
    await clerk.login('novak');
    const listed = async () => ((await admin.call('GET', '/api/staff/accounts')).body!.accounts as { username: string; role: string; disabled: boolean }[]).find((a) => a.username === 'novak')!;

    assert.is((await admin.call('PATCH', '/api/staff/accounts/reditelka', { role: 'clerk' })).status, 403, 'not their own role');
    assert.is((await admin.call('PATCH', '/api/staff/accounts/novak', {})).status, 400, 'a change must say what');
    assert.is((await clerk.call('PATCH', '/api/staff/accounts/novak', { role: 'admin' })).status, 403, 'a clerk cannot promote themselves');
    assert.is((await admin.call('PATCH', '/api/staff/accounts/nikdo', { disabled: true })).status, 404);

    assert.is((await admin.call('PATCH', '/api/staff/accounts/novak', { role: 'admin' })).status, 204);
    assert.is((await clerk.call('GET', '/api/staff/session')).status, 401, 'the session with the old role ended');
    assert.is((await clerk.login('novak')).body!.account.role, 'admin');

    assert.is((await admin.call('PATCH', '/api/staff/accounts/novak', { disabled: true })).status, 204);
    assert.is((await clerk.call('GET', '/api/staff/session')).status, 401);
    const refused = await staffClient(base).login('novak');
    assert.equal([refused.status, refused.body!.error.code], [401, 'badCredentials'], 'answered as a wrong password');
    assert.equal([(await listed()).disabled, (await listed()).role], [true, 'admin']);

    assert.is((await admin.call('PATCH', '/api/staff/accounts/novak', { disabled: false, role: 'clerk' })).status, 204);
    assert.is((await staffClient(base).login('novak')).body!.account.role, 'clerk', 'enabled again, a clerk');
  } finally {
    await running.stop();
  }
});

test.run();
