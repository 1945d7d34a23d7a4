import fc from 'fast-check';
import type { MqttClient } from 'mqtt';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { simulatorId } from '../../shared/contract/simulation.ts';
import { topic } from '../../shared/contract/topics.ts';
import { eventually } from '../support/eventually.ts';
import { collect, connectAs } from '../support/mqtt-client.ts';
import { runOffice } from '../support/office-fixture.ts';

/** Payloads that must never change anything: not JSON, wrong shapes, valid-looking ones with a key too many. */
const hostile = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
  fc.jsonValue({ maxDepth: 3 }).map((j) => Buffer.from(JSON.stringify(j) ?? 'null')),
  fc
    .record(
      {
        kind: fc.constantFrom('walkIn', 'checkIn', 'next', ''),
        action: fc.constantFrom('next', 'recall', 'transfer', 'transferToCounter', 'callTicket', 'park', 'callParked', 'setProfile', 'pause', 'explode'),
        number: fc.string({ maxLength: 8 }),
        counterId: fc.string({ maxLength: 50 }),
        serviceIds: fc.array(fc.string({ maxLength: 45 }), { maxLength: 22 }),
        reason: fc.constantFrom('lunch', 'nap', ''),
        requestId: fc.string({ maxLength: 70 }),
        commandId: fc.string({ maxLength: 70 }),
        pressedAt: fc.oneof(fc.integer(), fc.double(), fc.string()),
        serviceId: fc.string({ unit: 'binary', maxLength: 50 }),
        __fuzz: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: ['__fuzz'] },
    )
    .map((r) => Buffer.from(JSON.stringify(r))),
);

test('hundreds of hostile MQTT messages change nothing, and the broker still issues the next ticket', async () => {
  const office = await runOffice();
  const device = (id: string) => office.devices.find((d) => d.deviceId === id)!;
  const before = JSON.stringify([office.server.engine.serviceStatuses(0), office.server.engine.counterStates(0), office.server.engine.hallCalls(0)]);
  try {
    const payloads = fc.sample(hostile, { numRuns: 300, seed: 20261124 });
    const targets: [string, string][] = [
      ['kiosk-hala', 'fronta/v1/kiosk/kiosk-hala/request'],
      ['prepazka-2', 'fronta/v1/counter/prepazka-2/command'],
    ];
    for (const [id, topic] of targets) {
      const client: MqttClient = await connectAs(device(id));
      for (const payload of payloads) await client.publishAsync(topic, payload, { qos: 1 });
      await client.endAsync();
    }
    // Oversized ones cost the sender its connection; the broker goes on.
    for (let k = 0; k < 5; k++) {
      const client = await connectAs(device('kiosk-hala'));
      client.on('error', () => {});
      const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
      client.publish('fronta/v1/kiosk/kiosk-hala/request', Buffer.alloc(20_000 + k * 1000, 0x7b), { qos: 1 });
      await closed;
      client.end(true);
    }
    await new Promise((r) => setTimeout(r, 200));
    const after = JSON.stringify([office.server.engine.serviceStatuses(0), office.server.engine.counterStates(0), office.server.engine.hallCalls(0)]);
    assert.is(after, before);
    const health = await fetch(`http://127.0.0.1:${office.server.httpPort}/health`);
    assert.is(health.status, 200);
    const kiosk = await connectAs(device('kiosk-hala'));
    const replies = await collect(kiosk, 'fronta/v1/kiosk/kiosk-hala/reply');
    await kiosk.publishAsync('fronta/v1/kiosk/kiosk-hala/request', JSON.stringify({ kind: 'walkIn', requestId: 'after-the-fuzz', pressedAt: office.clock.now(), serviceId: 'pasy' }), { qos: 1 });
    await eventually('a ticket after the fuzz', () => replies.length > 0);
    assert.is((replies[0]!.payload as { data: { ticket: { number: string } } }).data.ticket.number, 'C001');
    await kiosk.endAsync();
    assert.ok(office.logs.filter((l) => l.includes('rejected message')).length >= 300, 'each rejection is logged with its reason');
  } finally {
    await office.stop();
  }
});

test('hostile input from the virtual office reaches no driver: nothing pressed, nothing printed, and a valid press still prints', async () => {
  const office = await runOffice({ simulating: true, withDevices: true });
  try {
    const kiosk = office.sim!.kiosk('kiosk-hala');
    const pressed: number[] = [];
    kiosk.buttons.onPress((button) => pressed.push(button));
    const page = await connectAs({ broker: office.brokerUrl, deviceId: simulatorId, secret: office.simulatorSecret, hardware: {} });
    const input = topic('simInput', 'kiosk-hala');
    for (const payload of fc.sample(hostile, { numRuns: 300, seed: 20261201 })) await page.publishAsync(input, payload, { qos: 1 });
    await page.publishAsync(input, JSON.stringify({ kind: 'press', button: 3, extra: true }), { qos: 1 });
    await page.publishAsync(input, JSON.stringify({ kind: 'keys', keys: ['1', 'F1'] }), { qos: 1 });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(pressed, []);
    assert.is(kiosk.printer.printed.length, 0);
    await page.publishAsync(input, JSON.stringify({ kind: 'press', button: 3 }), { qos: 1 });
    await eventually('a ticket from the valid press', () => kiosk.printer.printed.length === 1);
    assert.equal(pressed, [3]);
    await page.endAsync();
  } finally {
    await office.stop();
  }
});

test.run();
