import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Mailer, MailMessage } from '../../broker/mail/mailer.ts';
import type { Dashboard } from '../../shared/contract/staff-api.ts';
import { bookingClient, confirmTokenIn } from '../support/booking-client.ts';
import { eventually } from '../support/eventually.ts';
import { runOffice } from '../support/office-fixture.ts';
import { addAccount, adminToken, staffClient } from '../support/staff-client.ts';

test("the dashboard shows every queue with its ticket numbers, each counter's clerk and whom its Next calls, and an alert for a device away and a kiosk out of paper", async () => {
  const office = await runOffice({ adminToken, withDevices: true });
  try {
    const base = `http://127.0.0.1:${office.server.httpPort}`;
    await addAccount(base, 'novak', 'clerk', 'Petr Novák');
    const clerk = staffClient(base);
    await clerk.login('novak');
    assert.is((await clerk.call('PUT', '/api/staff/my-counter', { counterId: 'prepazka-3' })).status, 200);
    assert.is((await clerk.call('PUT', '/api/staff/my-counter', { counterId: 'prepazka-99' })).status, 404);
    const read = async () => (await clerk.call('GET', '/api/staff/dashboard')).body as unknown as Dashboard;

    const sim = office.sim!;
    const kiosk = sim.kiosk('kiosk-hala');
    await eventually('the kiosk ready', () => kiosk.buttons.lights.get(3));
    kiosk.buttons.press(3);
    await eventually('a ticket', () => kiosk.printer.printed.length === 1);
    let board = await read();
    const pasy = board.services.find((s) => s.serviceId === 'pasy')!;
    assert.equal([pasy.name.cs, pasy.letter, pasy.open, pasy.waiting, pasy.queue], ['Cestovní doklady', 'C', true, 1, ['C001']]);
    assert.is(board.counters.find((c) => c.counterId === 'prepazka-3')!.clerk, 'Petr Novák');
    assert.equal(board.counters.find((c) => c.counterId === 'prepazka-3')!.upNext, { number: 'C001', reason: 'walkIn', bookedAt: null }, 'whom Next would call, and why');
    assert.is(board.counters.find((c) => c.counterId === 'prepazka-1')!.upNext, null, 'the cash desk has nobody to call');
    assert.equal(
      board.devices.flatMap((d) => d.alerts),
      [],
      'all well',
    );

    kiosk.printer.paper = 'paperOut';
    kiosk.buttons.press(3);
    await sim.counter('prepazka-7').runtime.stop();
    board = await eventually('both alerts', async () => {
      const b = await read();
      return b.devices.some((d) => d.alerts.includes('paperOut')) && b.devices.some((d) => d.alerts.includes('offline')) ? b : undefined;
    });
    assert.equal(
      board.devices.filter((d) => d.alerts.length > 0).map((d) => [d.deviceId, d.alerts]),
      [
        ['kiosk-hala', ['paperOut']],
        ['prepazka-7', ['offline']],
      ],
    );
    const named = board.devices.filter((d) => d.alerts.length > 0).map((d) => [d.name?.cs ?? null, d.counterNumber]);
    assert.equal(
      named,
      [
        ['Vstupní hala u hlavních dveří', null],
        [null, 7],
      ],
      'each device by where it stands',
    );
    assert.is(kiosk.printer.printed.length, 1, 'nothing printed without paper');
  } finally {
    await office.stop();
  }
});

test('mails the relay refuses show on the overview, with since when, until a retry gets them through', async () => {
  let refusing = false;
  const sent: MailMessage[] = [];
  const mailer: Mailer = {
    reachesCitizens: true,
    async send(message) {
      if (refusing) throw new Error('451 try again later');
      sent.push(message);
    },
    close() {},
  };
  const office = await runOffice({ adminToken, mailer });
  try {
    const base = `http://127.0.0.1:${office.server.httpPort}`;
    await addAccount(base, 'novak', 'clerk', 'Petr Novák');
    const clerk = staffClient(base);
    await clerk.login('novak');
    const failing = async () => ((await clerk.call('GET', '/api/staff/dashboard')).body as unknown as Dashboard).mailFailing;
    const api = bookingClient(base);
    assert.is((await api.hold({ serviceId: 'pasy', startsAt: Date.parse('2026-11-24T10:00:00+01:00') })).status, 201);
    refusing = true;
    const confirmed = await api.confirm(confirmTokenIn(sent[0]!.text));
    assert.is(confirmed.status, 200, 'the booking stands; its code mail waits');
    assert.equal(await failing(), { count: 1, since: office.clock.now() });
    refusing = false;
    office.clock.advance(2 * 60_000);
    await office.server.bookings.ledger.sendDue();
    assert.equal(await failing(), { count: 0, since: null });
    assert.match(sent[1]!.text, /\d{8}/, 'the code went out on the retry');
  } finally {
    await office.stop();
  }
});

test.run();
