import { randomBytes } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Workstation } from '../../shared/contract/staff-api.ts';
import { eventually } from '../support/eventually.ts';
import { runOffice } from '../support/office-fixture.ts';
import { addAccount, adminToken, staffClient } from '../support/staff-client.ts';

const commandId = () => randomBytes(9).toString('base64url');

async function clerkAt(base: string, username: string, name: string, counterId: string | null) {
  await addAccount(base, username, 'clerk', name);
  const clerk = staffClient(base);
  await clerk.login(username);
  if (counterId) assert.is((await clerk.call('PUT', '/api/staff/my-counter', { counterId })).status, 200);
  const send = (command: Record<string, unknown>, extra?: { csrf?: boolean }) => clerk.call('POST', '/api/staff/workstation/command', { commandId: commandId(), ...command }, extra);
  const view = async () => (await clerk.call('GET', '/api/staff/workstation')).body as unknown as Workstation;
  return { clerk, send, view };
}

test('one clerk per counter, freed by logging out or a minute after the pages close; a clerk commands only the counter they sit at; without CSRF, seat or session nothing changes', async () => {
  const office = await runOffice({ adminToken, withDevices: true });
  try {
    const base = `http://127.0.0.1:${office.server.httpPort}`;
    const novak = await clerkAt(base, 'novak', 'Petr Novák', 'prepazka-2');
    const dvorak = await clerkAt(base, 'dvorak', 'Eva Dvořáková', null);
    const taken = await dvorak.clerk.call('PUT', '/api/staff/my-counter', { counterId: 'prepazka-2' });
    assert.equal([taken.status, taken.body!.error.code], [409, 'counterTaken']);
    const unseated = await dvorak.send({ action: 'next' });
    assert.equal([unseated.status, unseated.body!.error.code], [409, 'notSeated']);

    const kiosk = office.sim!.kiosk('kiosk-hala');
    await eventually('the ID-card button lit', () => kiosk.buttons.lights.get(2));
    kiosk.buttons.press(2);
    await eventually('a ticket', () => kiosk.printer.printed.length === 1);
    const before = JSON.stringify(office.server.engine.dayState().counters);
    assert.is((await novak.send({ action: 'next' }, { csrf: false })).status, 403, 'no CSRF token');
    const anonymous = await staffClient(base).call('POST', '/api/staff/workstation/command', { commandId: commandId(), action: 'next' });
    assert.is(anonymous.status, 401, 'no session');
    assert.is((await novak.send({ action: 'fly' })).status, 400);
    assert.is(JSON.stringify(office.server.engine.dayState().counters), before, 'nothing changed');

    assert.is((await novak.send({ action: 'next' })).status, 204);
    const view = await novak.view();
    assert.equal([view.counter.number, view.current?.number, view.current?.waitedMinutes], [2, 'A001', 0]);
    assert.is(office.server.engine.dayState().tickets.A001!.servedBy, 'novak', 'the clerk is on the record');
    const refused = await novak.send({ action: 'callParked', number: 'A001' });
    assert.equal([refused.status, refused.body!.error.code], [409, 'notParkedHere'], "the engine's reason, as the box would get it");

    assert.is((await novak.clerk.call('POST', '/api/staff/logout')).status, 204);
    assert.is((await dvorak.clerk.call('PUT', '/api/staff/my-counter', { counterId: 'prepazka-2' })).status, 200, 'logging out frees the counter');

    // Eva's page polls the workstation, then her browser closes: a minute without a poll frees the counter.
    const jan = await clerkAt(base, 'svoboda', 'Jan Svoboda', null);
    assert.is((await dvorak.clerk.call('GET', '/api/staff/workstation', undefined, { headers: { 'x-fronta-background': '1' } })).status, 200);
    office.clock.advance(30_000);
    assert.is((await jan.clerk.call('PUT', '/api/staff/my-counter', { counterId: 'prepazka-2' })).status, 409, 'her page is still open');
    office.clock.advance(31_000);
    assert.is((await jan.clerk.call('PUT', '/api/staff/my-counter', { counterId: 'prepazka-2' })).status, 200, 'her pages closed a minute ago: the counter is free');
  } finally {
    await office.stop();
  }
});

test('the box and the page on one counter, interleaved: the digits, the page and the hall agree after every step', async () => {
  const office = await runOffice({ adminToken, withDevices: true });
  try {
    const base = `http://127.0.0.1:${office.server.httpPort}`;
    const page = await clerkAt(base, 'novak', 'Petr Novák', 'prepazka-2');
    const kiosk = office.sim!.kiosk('kiosk-hala');
    const box = office.sim!.counter('prepazka-2');
    await eventually('the ID-card button lit', () => kiosk.buttons.lights.get(2));
    for (let k = 1; k <= 4; k++) {
      kiosk.buttons.press(2);
      await eventually(`ticket ${k}`, () => kiosk.printer.printed.length === k);
    }
    const agree = async (number: string | null, waiting: number) => {
      const digits = `${(number ?? '----').padEnd(4)}${String(waiting).padStart(4)}`;
      await eventually(`the digits ${digits}`, () => box.digits.text === digits);
      const view = await page.view();
      assert.is(view.current?.number ?? null, number, 'the page');
      if (number) assert.is(office.server.engine.hallCalls().calls[0]!.number, number, 'the hall');
    };
    box.buttons.press(1);
    await agree('A001', 3);
    assert.is(office.server.engine.dayState().tickets.A001!.servedBy, 'novak', "the box's call records the clerk sitting there");
    assert.is((await page.send({ action: 'next' })).status, 204);
    await agree('A002', 2);
    assert.is((await page.send({ action: 'park' })).status, 204);
    await agree(null, 2);
    box.buttons.press(1);
    await agree('A003', 1);
    assert.is((await page.send({ action: 'callParked', number: 'A002' })).status, 204);
    await agree('A002', 1);
    box.buttons.press(5);
    await eventually('paused', () => box.digits.text === 'P      1');
    const view = await page.view();
    assert.equal([view.counter.status, view.current], ['paused', null]);
  } finally {
    await office.stop();
  }
});

test('three clerks of one service pressing Next on their pages at the same moment, ten rounds: each client called once, nobody twice', async () => {
  const office = await runOffice({ adminToken });
  try {
    const base = `http://127.0.0.1:${office.server.httpPort}`;
    const counters = ['prepazka-2', 'prepazka-3', 'prepazka-4'];
    const clerks = await Promise.all(counters.map((id, k) => clerkAt(base, `clerk${k}`, `Úředník ${k}`, id)));
    const engine = office.server.engine;
    for (let k = 0; k < 30; k++) await engine.kioskRequest('kiosk-hala', { kind: 'walkIn', requestId: commandId(), pressedAt: office.clock.now(), serviceId: 'obcanky' });
    const called: string[] = [];
    for (let round = 0; round < 10; round++) {
      await Promise.all(clerks.map((c) => c.send({ action: 'next' })));
      for (const id of counters) {
        const current = engine.dayState().counters[id]?.current;
        if (current) called.push(current);
      }
    }
    assert.is(called.length, 30, 'every client called once');
    assert.is(new Set(called).size, 30, 'nobody twice');
  } finally {
    await office.stop();
  }
});

test.run();
