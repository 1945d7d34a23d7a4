import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eventually } from '../support/eventually.ts';
import { runOffice } from '../support/office-fixture.ts';
import { smtpInbox } from '../support/smtp-inbox.ts';
import { addAccount, adminToken, staffClient } from '../support/staff-client.ts';

test('an administrator sees the mail settings and sends a test e-mail through the relay; a refusal comes back with the reason, without the address; clerks may not', async () => {
  const inbox = await smtpInbox();
  const office = await runOffice({ adminToken, mailer: inbox.mailer });
  try {
    const base = `http://127.0.0.1:${office.server.httpPort}`;
    await addAccount(base, 'reditelka', 'admin', 'Jana Nováková');
    await addAccount(base, 'novak', 'clerk', 'Petr Novák');
    const admin = staffClient(base);
    await admin.login('reditelka');
    const clerk = staffClient(base);
    await clerk.login('novak');

    const settings = (await admin.call('GET', '/api/staff/mail')).body!;
    assert.equal([settings.transport, settings.reachesCitizens], ['outbox', true], "the office configuration's transport, and whether this server's mailer reaches citizens");
    assert.is((await clerk.call('GET', '/api/staff/mail')).status, 403);
    assert.is((await clerk.call('POST', '/api/staff/mail/test', { to: 'petr@example.cz' })).status, 403);
    assert.is((await admin.call('POST', '/api/staff/mail/test', { to: 'not an address' })).status, 400);

    assert.is((await admin.call('POST', '/api/staff/mail/test', { to: 'reditelka@example.cz' })).status, 204);
    const mail = await eventually('the test e-mail', () => inbox.mails[0]);
    assert.is(mail.subject, 'Fronta: zkušební e-mail / test e-mail');
    assert.match(mail.text!, 'Odeslal(a) Jana Nováková');

    inbox.refuse = true;
    const refused = await admin.call('POST', '/api/staff/mail/test', { to: 'reditelka@example.cz' });
    assert.equal([refused.status, refused.body!.error.code], [502, 'mailFailed']);
    assert.match(refused.body!.error.detail, 'mailbox unavailable', "the relay's reason");
    assert.not.match(refused.body!.error.detail, 'reditelka@example.cz');
  } finally {
    await office.stop();
    await inbox.stop();
  }
});

test.run();
