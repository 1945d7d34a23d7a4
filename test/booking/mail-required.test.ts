import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bookingClient } from '../support/booking-client.ts';
import { kostelecEasyProof, runOffice } from '../support/office-fixture.ts';
import { smtpInbox } from '../support/smtp-inbox.ts';
import { addAccount, adminToken, staffClient } from '../support/staff-client.ts';

const config = kostelecEasyProof();
const wednesdayTen = Date.parse('2026-11-25T10:00:00+01:00');

test("an office's server whose mail reaches no citizen keeps online booking closed and says why; staff still book callers", async () => {
  const office = await runOffice({ config, mailRequired: true, adminToken });
  const base = `http://127.0.0.1:${office.server.httpPort}`;
  try {
    const info = (await (await fetch(`${base}/api/office`)).json()) as { mailReady: boolean; services: { bookable: boolean }[] };
    assert.is(info.mailReady, false);
    assert.ok(
      info.services.every((s) => !s.bookable),
      'no service is offered online',
    );
    const held = await bookingClient(base).hold({ serviceId: 'pasy', startsAt: wednesdayTen });
    assert.is(held.status, 503);
    assert.is(held.body!.error.code, 'mailNotConfigured');
    assert.equal(office.server.bookings.ledger.bookings(), [], 'nothing is held');
    assert.ok(
      office.logs.some((l) => l.includes('no mail server configured')),
      'the log says why',
    );

    await addAccount(base, 'reditelka', 'admin');
    const admin = staffClient(`http://localhost:${office.server.httpPort}`);
    await admin.login('reditelka');
    const booked = await admin.call('POST', '/api/staff/bookings', { serviceId: 'pasy', startsAt: wednesdayTen, name: 'Marie Svobodová', phone: '+420 777 123 456', language: 'cs' });
    assert.is(booked.status, 201, 'a caller is booked and told the code on the phone');
  } finally {
    await office.stop();
  }
});

test('the same server with a mail server opens online booking', async () => {
  const inbox = await smtpInbox();
  const office = await runOffice({ config, mailRequired: true, mailer: inbox.mailer });
  const base = `http://127.0.0.1:${office.server.httpPort}`;
  try {
    const info = (await (await fetch(`${base}/api/office`)).json()) as { mailReady: boolean };
    assert.is(info.mailReady, true);
    assert.is((await bookingClient(base).hold({ serviceId: 'pasy', startsAt: wednesdayTen })).status, 201);
  } finally {
    await office.stop();
    await inbox.stop();
  }
});

test.run();
