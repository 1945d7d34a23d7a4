import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FileDocumentStore } from '../../broker/store/document-store.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { bookingClient } from '../support/booking-client.ts';
import { eventually } from '../support/eventually.ts';
import { kostelec, runOffice } from '../support/office-fixture.ts';
import { calendarOf, smtpInbox } from '../support/smtp-inbox.ts';
import { addAccount, adminToken, staffClient } from '../support/staff-client.ts';
import { tempDir } from '../support/temp-dir.ts';

async function officeWithStaff(options: Parameters<typeof runOffice>[0] = {}) {
  const office = await runOffice({ adminToken, ...options });
  const base = `http://127.0.0.1:${office.server.httpPort}`;
  await addAccount(base, 'reditelka', 'admin');
  await addAccount(base, 'novak', 'clerk', 'Petr Novák');
  const admin = staffClient(base);
  await admin.login('reditelka');
  const settings = async () => (await admin.call('GET', '/api/staff/settings')).body!.config as OfficeConfig;
  return { office, base, admin, settings };
}

test('shorter hours: the bookings they strand are listed first, then cancelled with an e-mail; the kiosk buttons follow at once', async () => {
  const inbox = await smtpInbox();
  const { office, base, admin, settings } = await officeWithStaff({ mailer: inbox.mailer, withDevices: true });
  const publicSlots = async () => ((await (await fetch(`${base}/api/services/pasy/days/2026-11-25`)).json()) as { slots: { time: string }[] }).slots.map((s) => s.time);
  try {
    // A caller booked for Wednesday 25 November at 13:00 (passports, the administrative department).
    const slot = (await admin.call('GET', '/api/staff/services/pasy/slots?day=2026-11-25')).body!.slots.find((s: { time: string }) => s.time === '13:00');
    const booked = await admin.call('POST', '/api/staff/bookings', { serviceId: 'pasy', startsAt: slot.startsAt, name: 'Marie Svobodová', email: 'marie@example.cz', language: 'cs' });
    assert.is(booked.status, 201);

    const config = await settings();
    const spravni = config.workplaces.find((w) => w.id === 'spravni')!;
    spravni.openingHours = { ...config.office.openingHours, wed: [{ from: '08:00', to: '12:00' }] };
    // And the cash desk closes today, now: its kiosk button must go dark.
    config.workplaces.find((w) => w.id === 'pokladna')!.openingHours = { ...config.office.openingHours, tue: [] };

    const preview = await admin.call('POST', '/api/staff/settings/preview', { config });
    assert.is(preview.status, 200);
    assert.equal(
      preview.body!.affected.map((b: { name: string; time: string }) => [b.name, b.time]),
      [['Marie Svobodová', '13:00']],
    );
    assert.is((await settings()).workplaces.find((w) => w.id === 'spravni')!.openingHours, undefined, 'a preview changes nothing');

    const kiosk = office.sim!.kiosk('kiosk-hala');
    assert.ok(kiosk.buttons.lights.get(1), 'the cash desk button is lit before');
    assert.ok((await publicSlots()).includes('14:00'), 'the booking site lists the afternoon before');
    const applied = await admin.call('PUT', '/api/staff/settings', { config, cancelAffected: true });
    assert.equal(applied.body, { affected: 1, cancelled: 1 });
    await eventually('the cash desk button dark', () => kiosk.buttons.lights.get(1) === false);
    assert.ok(kiosk.buttons.lights.get(3), 'passports still open');
    const mail = await eventually('the cancellation', () => inbox.mails.find((m) => calendarOf(m).includes('METHOD:CANCEL')));
    assert.match(mail.text!, 'Úřad změnil úřední hodiny');
    const wednesday = (await admin.call('GET', '/api/staff/services/pasy/slots?day=2026-11-25')).body!.slots;
    assert.is(wednesday.at(-1).time, '11:45', 'slots end with the new hours');
    assert.is((await publicSlots()).at(-1), '11:45', 'the booking site at once, within the time its answers are reused');
  } finally {
    await office.stop();
    await inbox.stop();
  }
});

test('a change the schema refuses, one that moves a device’s id to another role or touches the mail transport, and a clerk’s change, all change nothing', async () => {
  const { office, base, admin, settings } = await officeWithStaff();
  try {
    const before = await settings();
    const broken = structuredClone(before) as unknown as Record<string, any>;
    broken.services[0].letter = 'ab';
    broken.workplaces[0].walkInCapacityPerDay = -1;
    const refused = await admin.call('PUT', '/api/staff/settings', { config: broken });
    assert.is(refused.status, 400);
    assert.match(refused.body!.error.detail, 'services.0.letter');
    assert.match(refused.body!.error.detail, 'workplaces.0.walkInCapacityPerDay');
    // Each problem at its field, by its path in the request body, worded in both languages.
    const letter = refused.body!.error.issues.find((i: { path: unknown[] }) => i.path.join('.') === 'config.services.0.letter');
    assert.equal(letter?.message, { cs: 'jedno velké písmeno A–Z', en: 'expected one capital letter A-Z' });

    const moved = structuredClone(before);
    moved.counters[0]!.id = moved.kiosks[0]!.id;
    moved.kiosks.shift();
    moved.services[0]!.name.cs = 'Pokladna (nová)';
    assert.match((await admin.call('PUT', '/api/staff/settings', { config: moved })).body!.error.detail, 'a device keeps its role');
    const mail = structuredClone(before);
    mail.mail.from = 'Jiný <jiny@example.cz>';
    assert.match((await admin.call('PUT', '/api/staff/settings', { config: mail })).body!.error.detail, 'mail transport');
    const sms = structuredClone(before);
    sms.sms.transport = { kind: 'modem', path: '/dev/ttyUSB2', baudRate: 115200 };
    assert.match((await admin.call('PUT', '/api/staff/settings', { config: sms })).body!.error.detail, 'the modem or gateway is set in the server configuration file');

    const clerk = staffClient(base);
    await clerk.login('novak');
    const fine = structuredClone(before);
    fine.services[0]!.name.cs = 'Pokladna (nová)';
    assert.is((await clerk.call('PUT', '/api/staff/settings', { config: fine })).status, 403);
    assert.equal(await settings(), before);
    // In force: the same, with the address the server runs at filled in (the settings page shows what was configured).
    assert.equal(office.server.engine.config, { ...before, office: { ...before.office, publicBaseUrl: `http://localhost:${office.server.httpPort}` } });
  } finally {
    await office.stop();
  }
});

test('saved settings outlive a restart and win over the initial configuration, except the mail, which the server’s configuration file keeps', async () => {
  const dir = await tempDir();
  const store = () => new FileDocumentStore(join(dir.path, 'settings.json'));
  const first = await officeWithStaff({ settingsStore: store() });
  try {
    const config = await first.settings();
    config.office.specialDays = [{ date: '2026-12-31', hours: [{ from: '08:00', to: '11:00' }] }];
    config.workplaces.find((w) => w.id === 'pokladna')!.walkInCapacityPerDay = 90;
    assert.is((await first.admin.call('PUT', '/api/staff/settings', { config })).status, 200);
  } finally {
    await first.office.stop();
  }
  const relayChanged = kostelec((c) => {
    c.mail = { from: 'Městský úřad <objednavky@example.cz>', transport: { kind: 'outbox', dir: 'outbox' } };
  });
  const second = await runOffice({ settingsStore: store(), config: relayChanged });
  try {
    assert.is(second.server.engine.config.mail.from, 'Městský úřad <objednavky@example.cz>', 'the mail changed in the file since the settings were saved');
    assert.equal(second.server.engine.config.office.specialDays, [{ date: '2026-12-31', hours: [{ from: '08:00', to: '11:00' }] }]);
    assert.is(second.server.engine.config.workplaces.find((w) => w.id === 'pokladna')!.walkInCapacityPerDay, 90);
  } finally {
    await second.stop();
    await dir.remove();
  }
});

test("the proof-of-work difficulty, the kiosk code limits, the booking routes' limits and the online places saved on the settings page apply at once, without a restart", async () => {
  const { office, base, admin, settings } = await officeWithStaff();
  try {
    const config = await settings();
    config.booking.proofOfWork = { minCounter: 7, maxCounter: 8 };
    config.booking.limits.cancelAttemptsPerAddress = 2;
    config.booking.limits.codeAttemptsPerKioskPerMinute = 1;
    assert.is((await admin.call('PUT', '/api/staff/settings', { config })).status, 200);

    const { solution } = await bookingClient(base).proof();
    // The answers the booking site reuses for two seconds follow a change that touched no booking.
    const wednesday = async () => ((await (await fetch(`${base}/api/services/obcanky/days`)).json()) as { days: { day: string; free?: number }[] }).days.find((d) => d.day === '2026-11-25')!;
    assert.is((await wednesday()).free, 8);
    const fewer = structuredClone(config);
    fewer.services.find((s) => s.id === 'obcanky')!.booking!.onlinePlaces.wed = 2;
    assert.is((await admin.call('PUT', '/api/staff/settings', { config: fewer })).status, 200);
    assert.is((await wednesday()).free, 2);

    assert.ok(solution.counter <= 8, `the new difficulty: solved at ${solution.counter}`);

    const cancel = () =>
      fetch(`${base}/api/cancellations/preview`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: '00000000', email: 'x@example.cz' }) }).then(
        (r) => r.status,
      );
    assert.equal([await cancel(), await cancel(), await cancel()], [404, 404, 429]);

    const code = (c: string, requestId: string) => office.server.engine.kioskRequest('kiosk-hala', { kind: 'checkIn', requestId, pressedAt: office.clock.now(), code: c });
    assert.is(((await code('10000000', 'limit-test-1')) as { error: { code: string } }).error.code, 'unknownCode');
    assert.is(((await code('10000001', 'limit-test-2')) as { error: { code: string } }).error.code, 'tooManyAttempts', 'one code a minute now');
  } finally {
    await office.stop();
  }
});

test('an administrator switches SMS kinds off in the settings: the booking form stops offering the code by SMS and a ticket page refuses a number, at once', async () => {
  const { office, base, admin, settings } = await officeWithStaff();
  try {
    const info = async () => (await (await fetch(`${base}/api/office`)).json()) as { smsOffered: boolean };
    assert.is((await info()).smsOffered, true);
    const config = await settings();
    config.sms.send.code = false;
    config.sms.send.nearTurn = false;
    config.sms.limits.perDay = 50;
    assert.is((await admin.call('PUT', '/api/staff/settings', { config })).status, 200);
    assert.is((await info()).smsOffered, false);
    assert.is((await settings()).sms.limits.perDay, 50);
    const reply = await office.server.engine.kioskRequest('kiosk-hala', { kind: 'walkIn', requestId: 'sms-off-1', pressedAt: office.clock.now(), serviceId: 'pasy' });
    assert.ok(reply.ok);
    const token = reply.data.ticket.statusUrl.split('/t/')[1]!;
    const page = (await (await fetch(`${base}/api/tickets/${token}`)).json()) as { sms: { offered: boolean } };
    assert.is(page.sms.offered, false);
    const put = await fetch(`${base}/api/tickets/${token}/phone`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: '777123456', language: 'cs' }) });
    assert.is(put.status, 409);
    assert.is(((await put.json()) as { error: { code: string } }).error.code, 'smsOff');
  } finally {
    await office.stop();
  }
});

test.run();
