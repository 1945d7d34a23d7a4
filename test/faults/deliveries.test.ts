import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eventually } from '../support/eventually.ts';
import { collect, connectAs } from '../support/mqtt-client.ts';
import { runOffice } from '../support/office-fixture.ts';

const request = (id: string, pressedAt: number, serviceId = 'pasy') => JSON.stringify({ kind: 'walkIn', requestId: id, pressedAt, serviceId });
const command = (id: string, action: string, pressedAt: number) => JSON.stringify({ action, commandId: id, pressedAt });

test('a request delivered five times at once, and again later, is one ticket', async () => {
  const office = await runOffice();
  try {
    const kiosk = await connectAs(office.devices.find((d) => d.deviceId === 'kiosk-hala')!);
    const replies = await collect(kiosk, 'fronta/v1/kiosk/kiosk-hala/reply');
    const now = office.clock.now();
    await Promise.all(Array.from({ length: 5 }, () => kiosk.publishAsync('fronta/v1/kiosk/kiosk-hala/request', request('duplicated-1', now), { qos: 1 })));
    await eventually('five answers', () => replies.length === 5);
    office.clock.advance(5000);
    await kiosk.publishAsync('fronta/v1/kiosk/kiosk-hala/request', request('duplicated-1', now), { qos: 1 });
    await eventually('the sixth answer', () => replies.length === 6);
    assert.equal(new Set(replies.map((r) => (r.payload as { data: { ticket: { number: string } } }).data.ticket.number)), new Set(['C001']));
    assert.is(office.server.engine.serviceStatuses().find((s) => s.serviceId === 'pasy')!.waiting, 1);
    await kiosk.endAsync();
  } finally {
    await office.stop();
  }
});

test('a Next delivered twice calls once; a delayed one is refused; reordered presses are each applied once, in arrival order', async () => {
  const office = await runOffice();
  try {
    const kiosk = await connectAs(office.devices.find((d) => d.deviceId === 'kiosk-hala')!);
    const issued = await collect(kiosk, 'fronta/v1/kiosk/kiosk-hala/reply');
    for (const id of ['order-001', 'order-002', 'order-003']) await kiosk.publishAsync('fronta/v1/kiosk/kiosk-hala/request', request(id, office.clock.now()), { qos: 1 });
    await eventually('three tickets', () => issued.length === 3);
    const box = await connectAs(office.devices.find((d) => d.deviceId === 'prepazka-2')!);
    const replies = await collect(box, 'fronta/v1/counter/prepazka-2/reply');
    const t0 = office.clock.now();
    // Duplicated.
    await box.publishAsync('fronta/v1/counter/prepazka-2/command', command('next-once-1', 'next', t0), { qos: 1 });
    await box.publishAsync('fronta/v1/counter/prepazka-2/command', command('next-once-1', 'next', t0), { qos: 1 });
    // Delayed past the limit (a box that was offline for a minute).
    await box.publishAsync('fronta/v1/counter/prepazka-2/command', command('next-late-1', 'next', t0 - 60_000), { qos: 1 });
    // Reordered: "recall" pressed after "next" but delivered before it.
    office.clock.advance(2000);
    await box.publishAsync('fronta/v1/counter/prepazka-2/command', command('recall-second', 'recall', t0 + 1500), { qos: 1 });
    await box.publishAsync('fronta/v1/counter/prepazka-2/command', command('next-second', 'next', t0 + 1000), { qos: 1 });
    await eventually('five answers', () => replies.length === 5);
    const outcome = replies.map((r) => {
      const reply = r.payload as { commandId: string; ok: boolean; error?: { code: string } };
      return `${reply.commandId}:${reply.ok ? 'ok' : reply.error!.code}`;
    });
    assert.equal(outcome, ['next-once-1:ok', 'next-once-1:ok', 'next-late-1:stale', 'recall-second:ok', 'next-second:ok']);
    const calls = office.server.engine.hallCalls().calls.map((c) => `${c.number}/${c.kind}`);
    assert.equal(calls, ['C002/call', 'C001/recall', 'C001/call']);
    await Promise.all([kiosk.endAsync(), box.endAsync()]);
  } finally {
    await office.stop();
  }
});

test.run();
