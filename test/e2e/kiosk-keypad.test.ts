import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { KeypadKey } from '../../device/drivers/interfaces.ts';
import { eventually } from '../support/eventually.ts';
import { kostelec, runOffice } from '../support/office-fixture.ts';
import { addAccount, adminToken, staffClient } from '../support/staff-client.ts';

test('a code typed on the keypad shows on the LCD, is forgotten after the pause, and an unknown code is said so', async () => {
  const config = kostelec((c) => {
    c.rules = { codeEntryTimeoutSeconds: 1 };
  });
  const office = await runOffice({ withDevices: true, config });
  try {
    const kiosk = office.sim!.kiosk('kiosk-hala');
    await eventually('the kiosk ready', () => kiosk.lcd.lines[0] === 'Dobrý den,');
    kiosk.keypad.type(['4', '8', '2']);
    assert.equal(kiosk.lcd.lines.slice(0, 2), ['Kód rezervace:', '482']);
    await eventually('the half-typed code forgotten', () => kiosk.lcd.lines[0] === 'Dobrý den,', 3000);
    kiosk.keypad.type(['4', '8', '2', '9', '1', '3', 'enter']);
    await eventually('the unknown code message', () => kiosk.lcd.lines[0] === 'Neznámý kód,');
    assert.is(kiosk.printer.printed.length, 0);
  } finally {
    await office.stop();
  }
});

test('a late code is offered a walk-in ticket on the LCD: another key declines, Enter prints an ordinary ticket, and the booking stays lapsed', async () => {
  const config = kostelec((c) => {
    c.booking = { lateArrivalWalkIn: true };
  });
  const office = await runOffice({ adminToken, withDevices: true, config });
  try {
    const http = `http://127.0.0.1:${office.server.httpPort}`;
    await addAccount(http, 'novak', 'clerk', 'Petr Novák');
    const api = staffClient(http);
    await api.login('novak');
    const now = office.clock.now();
    const slots = (await api.call('GET', '/api/staff/services/pasy/slots?day=2026-11-24')).body!.slots as { startsAt: number }[];
    const slot = slots.find((s) => s.startsAt > now)!;
    const booked = await api.call('POST', '/api/staff/bookings', { serviceId: 'pasy', startsAt: slot.startsAt, name: 'Marie Svobodová', language: 'cs' });
    const code = [...(booked.body!.code as string).split(''), 'enter'] as KeypadKey[];
    const kiosk = office.sim!.kiosk('kiosk-hala');
    await eventually('the kiosk ready', () => kiosk.lcd.lines[0] === 'Dobrý den,');
    office.clock.set(slot.startsAt + 16 * 60_000);

    kiosk.keypad.type(code);
    await eventually('the offer', () => kiosk.lcd.lines[0] === 'Rezervace propadla.' && kiosk.lcd.lines[3] === 'New ticket? Enter');
    kiosk.keypad.type(['4']);
    assert.equal(kiosk.lcd.lines.slice(0, 2), ['Kód rezervace:', '4'], 'another key declines and starts a new code');
    kiosk.keypad.type(['clear']);
    assert.is(kiosk.printer.printed.length, 0);

    kiosk.keypad.type(code);
    await eventually('the offer again', () => kiosk.lcd.lines[0] === 'Rezervace propadla.');
    kiosk.keypad.type(['enter']);
    await eventually('the walk-in ticket printed', () => kiosk.printer.printed.length === 1);
    const state = office.server.engine.dayState();
    const [ticket] = Object.values(state.tickets);
    assert.is(ticket?.origin, 'walkIn');
    assert.ok(ticket?.lateFor, 'marked as a late booking for the statistics');
    assert.equal(state.checkedIn, {}, 'not checked in: the booking stays lapsed');
    kiosk.keypad.type(code);
    await eventually('the code is used', () => kiosk.lcd.lines[0] === 'Kód už byl použit,');
  } finally {
    await office.stop();
  }
});

test.run();
