import { readdir, readFile } from 'node:fs/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createLogger } from '../../broker/log.ts';
import { createSms } from '../../broker/sms/create-sms.ts';
import { HttpGateway } from '../../broker/sms/http-gateway.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { Dashboard } from '../../shared/contract/staff-api.ts';
import { startFakeSmsGateway } from '../fakes/fake-sms-gateway.ts';
import { bookingClient, confirmTokenIn } from '../support/booking-client.ts';
import { eventually } from '../support/eventually.ts';
import { kostelecEasyProof, runOffice, tuesdayNine } from '../support/office-fixture.ts';
import { startSimulatedModem } from '../support/simulated-modem.ts';
import { smtpInbox } from '../support/smtp-inbox.ts';
import { addAccount, adminToken, staffClient } from '../support/staff-client.ts';
import { tempDir } from '../support/temp-dir.ts';

const at = (time: string) => Date.parse(`2026-11-24T${time}:00+01:00`);

async function gatewayOffice(change: (config: OfficeConfig) => void = () => {}) {
  const gateway = await startFakeSmsGateway();
  const config = kostelecEasyProof();
  config.sms.transport = {
    kind: 'http',
    url: gateway.url,
    method: 'POST',
    encoding: 'json',
    fields: { number: '{number}', text: '{text}', unicode: '1' },
    headers: { authorization: 'Bearer {secret}' },
  };
  change(config);
  const inbox = await smtpInbox();
  const office = await runOffice({ config, adminToken, mailer: inbox.mailer, sms: new HttpGateway(config.sms.transport, { FRONTA_SMS_SECRET: 'k3y' }) });
  const base = `http://127.0.0.1:${office.server.httpPort}`;
  return { gateway, inbox, office, base, api: bookingClient(base) };
}

test('a citizen who typed a mobile number and chose SMS gets the code by SMS too, in Czech, with the number normalised and the gateway key sent as configured', async () => {
  const { gateway, inbox, office, api } = await gatewayOffice();
  try {
    const held = await api.hold({ serviceId: 'pasy', startsAt: at('10:00'), phone: '777 123 456', sms: true });
    assert.is(held.status, 201, JSON.stringify(held.body));
    assert.is(gateway.requests.length, 0, 'nothing by SMS before the confirmation');
    assert.is((await api.confirm(confirmTokenIn((await eventually('the link', () => inbox.mails[0])).text!))).status, 200);
    const request = await eventually('the code SMS at the gateway', () => gateway.requests[0]);
    const body = JSON.parse(request.body) as { number: string; text: string; unicode: string };
    assert.is(body.number, '420777123456');
    assert.is(request.headers.authorization, 'Bearer k3y');
    const booking = office.server.bookings.ledger.bookings()[0]!;
    assert.is(booking.person?.phone, '+420777123456', 'kept in one form');
    assert.is(body.text, `Městský úřad Kostelec nad Orlicí: Cestovní doklady út 24. 11. v 10:00, rezervace, kód ${booking.code}. Na kiosku ho zadejte 9:45–10:15.`);
    assert.ok(body.text.length <= 134, 'two parts, not three');
  } finally {
    await office.stop();
    await gateway.stop();
    await inbox.stop();
  }
});

test("through the office's own GSM modem on a serial port: the code SMS goes out as PDUs, and the modem's status report counts it delivered on the statistics", async () => {
  const dir = await tempDir();
  const modem = await startSimulatedModem(dir.path);
  const config = kostelecEasyProof();
  config.sms.transport = { kind: 'modem', path: modem.path, baudRate: 115200 };
  const inbox = await smtpInbox();
  const office = await runOffice({
    config,
    mailer: inbox.mailer,
    sms: createSms(
      config.sms,
      dir.path,
      createLogger('sms', () => {}),
    ),
  });
  const api = bookingClient(`http://127.0.0.1:${office.server.httpPort}`);
  try {
    assert.is((await api.hold({ serviceId: 'pasy', startsAt: at('10:00'), phone: '777 123 456', sms: true })).status, 201);
    assert.is((await api.confirm(confirmTokenIn((await eventually('the link', () => inbox.mails[0])).text!))).status, 200);
    await eventually('two parts at the modem', () => modem.submitted.length === 2);
    const counts = await eventually('the delivery report counted', () => {
      const cell = Object.values(office.server.bookings.ledger.smsCounts('2026-11-24'))[0];
      return cell?.delivered === 1 && cell;
    });
    assert.equal(counts, { sent: 1, delivered: 1, failed: 0, limited: 0 });
  } finally {
    await office.stop();
    await modem.stop();
    await inbox.stop();
    await dir.remove();
  }
});

test('SMS needs a mobile number: a Czech fixed line with SMS chosen is refused at the phone field, and no SMS goes to whoever did not choose it', async () => {
  const { gateway, inbox, office, api } = await gatewayOffice();
  try {
    const landline = await api.hold({ serviceId: 'pasy', startsAt: at('10:00'), phone: '494 337 231', sms: true });
    assert.is(landline.status, 400);
    assert.equal(landline.body!.error.issues[0].path, ['phone']);
    assert.is(landline.body!.error.issues[0].message.cs, 'pro SMS zadejte číslo mobilního telefonu');
    assert.is(office.server.bookings.ledger.bookings().length, 0, 'nothing held');
    assert.is((await api.hold({ serviceId: 'pasy', startsAt: at('10:00'), phone: '777 123 456' })).status, 201);
    assert.is((await api.confirm(confirmTokenIn((await eventually('the link', () => inbox.mails[0])).text!))).status, 200);
    await office.server.bookings.ledger.sendDue();
    assert.is(gateway.requests.length, 0);
  } finally {
    await office.stop();
    await gateway.stop();
    await inbox.stop();
  }
});

test('a gateway that fails is retried with backoff and shown on the staff overview until the SMS goes; the statistics count it sent', async () => {
  const { gateway, inbox, office, api, base } = await gatewayOffice();
  try {
    await addAccount(base, 'novak', 'clerk');
    const clerk = staffClient(base);
    await clerk.login('novak');
    const failing = async () => ((await clerk.call('GET', '/api/staff/dashboard')).body as unknown as Dashboard).smsFailing;
    gateway.failing = true;
    await api.hold({ serviceId: 'pasy', startsAt: at('10:00'), phone: '+420 777 123 456', sms: true });
    assert.is((await api.confirm(confirmTokenIn((await eventually('the link', () => inbox.mails[0])).text!))).status, 200, 'the booking stands; its SMS waits');
    assert.equal(await eventually('the failure on the overview', async () => ((await failing()).count === 1 ? await failing() : undefined)), { count: 1, since: tuesdayNine });
    assert.is(office.server.bookings.ledger.queuedSms()[0]!.attempts, 1);
    // The digits in any of their forms; not '777' alone, which a log line's time in ms may hold.
    assert.ok(!office.logs.some((l) => /777\s?123\s?456/.test(l)), 'the number is never logged');
    await office.server.bookings.ledger.sendDue();
    assert.is(office.server.bookings.ledger.queuedSms()[0]!.attempts, 1, 'not tried again before its time');
    gateway.failing = false;
    office.clock.advance(2 * 60_000);
    await office.server.bookings.ledger.sendDue();
    assert.is(gateway.requests.length, 1);
    assert.equal(await failing(), { count: 0, since: null });
    const report = (await clerk.call('GET', '/api/staff/statistics?from=2026-11-24&to=2026-11-24')).body as unknown as { byService: { key: string; smsSent: number }[] };
    assert.equal(
      report.byService.filter((r) => r.smsSent > 0).map((r) => [r.key, r.smsSent]),
      [['pasy', 1]],
    );
  } finally {
    await office.stop();
    await gateway.stop();
    await inbox.stop();
  }
});

test('the daily limit per number stops the third message to it and counts it, while another number still gets its own', async () => {
  const { gateway, inbox, office, api } = await gatewayOffice((config) => {
    config.sms.limits.perNumberPerDay = 2;
    // Four bookings from this one test client on one day, more than Tuesday's three online places.
    config.booking.limits.placesPerAddressPerDay = 4;
    config.services.find((s) => s.id === 'pasy')!.booking!.onlinePlaces.tue = 4;
  });
  try {
    const free = ((await api.slots('pasy', '2026-11-24')).body!.slots as { startsAt: number; free: number }[]).filter((s) => s.free > 0).map((s) => s.startsAt);
    const book = async (k: number, phone: string, email: string) => {
      const before = inbox.mails.length;
      const held = await api.hold({ serviceId: 'pasy', startsAt: free[k]!, phone, sms: true, email });
      assert.is(held.status, 201, JSON.stringify(held.body));
      const mail = await eventually('the link', () => inbox.mails[before]);
      assert.is((await api.confirm(confirmTokenIn(mail.text!))).status, 200);
    };
    await book(0, '777123456', 'a@example.cz');
    await book(1, '777123456', 'b@example.cz');
    await book(2, '777123456', 'c@example.cz');
    await book(3, '603123456', 'd@example.cz');
    await office.server.bookings.ledger.sendDue();
    assert.equal(
      gateway.requests.map((r) => (JSON.parse(r.body) as { number: string }).number),
      ['420777123456', '420777123456', '420603123456'],
    );
    const counts = Object.values(office.server.bookings.ledger.smsCounts('2026-11-24'));
    assert.is(
      counts.reduce((n, c) => n + c.sent, 0),
      3,
    );
    assert.is(
      counts.reduce((n, c) => n + c.limited, 0),
      1,
    );
  } finally {
    await office.stop();
    await gateway.stop();
    await inbox.stop();
  }
});

test('a caller booked by staff with a mobile and SMS ticked, without e-mail, gets the code, the reminder the working day before at 14:00 and the crisis notice by SMS, each once', async () => {
  const { gateway, inbox, office, api } = await gatewayOffice();
  const texts = () => gateway.requests.map((r) => (JSON.parse(r.body) as { text: string }).text);
  try {
    const wednesday = ((await api.slots('pasy', '2026-11-25')).body!.slots as { startsAt: number }[])[0]!.startsAt;
    const booked = await office.server.bookings.staff.bookForCaller({ serviceId: 'pasy', startsAt: wednesday, name: 'Josef Volající', phone: '+420777123456', sms: true, language: 'cs' }, 'novak');
    assert.ok(booked.ok);
    await eventually('the code SMS', () => gateway.requests.length === 1);
    assert.match(texts()[0]!, /, rezervace, kód \d{8}\./);
    await office.server.bookings.sweep();
    await office.server.bookings.ledger.sendDue();
    assert.is(gateway.requests.length, 1, 'no reminder before 14:00 the day before');
    office.clock.set(Date.parse('2026-11-24T14:01:00+01:00'));
    await office.server.bookings.sweep();
    await office.server.bookings.ledger.sendDue();
    await office.server.bookings.sweep();
    await office.server.bookings.ledger.sendDue();
    assert.equal(texts().slice(1), [texts()[0]!.replace('rezervace, kód', 'připomínka, kód')], 'the reminder, once');
    const suspended = await office.server.bookings.staff.suspend({ workplaceIds: null, notice: { cs: 'Úřad je zavřen pro poruchu.', en: 'The office is closed by a failure.' }, cancelExisting: true });
    assert.equal(suspended, { ok: true, data: { cancelled: 1 } });
    await eventually('the crisis notice', () => gateway.requests.length === 3);
    assert.match(texts()[2]!, /– rezervace zrušena\. Úřad je zavřen pro poruchu\. Tel\. \+420 494 337 2\d\d$/);
    assert.is(inbox.mails.length, 0, 'nobody to e-mail');
  } finally {
    await office.stop();
    await gateway.stop();
    await inbox.stop();
  }
});

test('a walk-in who typed a number on the ticket page gets one SMS when three wait before them, and the number is gone at the day end with its outbox copy', async () => {
  const office = await runOffice({ config: kostelecEasyProof() });
  const base = `http://127.0.0.1:${office.server.httpPort}`;
  const api = bookingClient(base);
  let k = 0;
  const press = async () => {
    const reply = await office.server.engine.kioskRequest('kiosk-hala', { kind: 'walkIn', requestId: `sms-${++k}`, pressedAt: office.clock.now(), serviceId: 'pasy' });
    assert.ok(reply.ok);
    return reply.data.ticket.statusUrl.split('/t/')[1]!;
  };
  const next = () => office.server.engine.counterCommand('prepazka-2', { action: 'next', commandId: `c-${++k}`, pressedAt: office.clock.now() });
  try {
    for (let n = 0; n < 5; n++) await press();
    const token = await press();
    const page = async () => (await api.request('GET', `/api/tickets/${token}`)).body!;
    assert.equal((await page()).sms, { offered: true, to: null, sent: false });
    const bad = await api.request('PUT', `/api/tickets/${token}/phone`, { phone: '494 337 231', language: 'cs' });
    assert.is(bad.status, 400, 'a fixed line takes no SMS');
    assert.is((await api.request('PUT', `/api/tickets/${token}/phone`, { phone: '777 123 456', language: 'cs' })).status, 204);
    assert.equal((await page()).sms, { offered: true, to: '+420 … 456', sent: false }, 'shown masked');
    const outbox = async () => (await readdir(office.outboxDir).catch(() => [] as string[])).filter((f) => f.endsWith('.sms.txt'));
    await next();
    assert.is((await page()).ahead, 4);
    assert.equal(await outbox(), [], 'not yet: four wait before it');
    await next();
    await eventually('the SMS at three ahead', async () => (await outbox()).length === 1);
    const text = await readFile(`${office.outboxDir}/${(await outbox())[0]}`, 'utf8');
    assert.is(text, `SMS to: +420777123456\n\nLístek ${(await page()).number}: před vámi jsou 3 lidé. Vraťte se prosím do haly.\n`);
    assert.ok((await page()).sms.sent);
    await next();
    await next();
    await office.server.bookings.ledger.sendDue();
    assert.is((await outbox()).length, 1, 'one SMS per ticket');

    office.clock.set(Date.parse('2026-11-25T07:00:00+01:00'));
    await office.server.bookings.sweep();
    assert.is(office.server.bookings.ledger.context().state.sms.tickets.size, 0, 'the number deleted at the day end');
    assert.equal(await outbox(), [], 'with its copy');
  } finally {
    await office.stop();
  }
});

test.run();
