import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eventually } from '../support/eventually.ts';
import { collect, connectAs } from '../support/mqtt-client.ts';
import { runOffice } from '../support/office-fixture.ts';

test('malformed, wrongly typed and oversized requests are rejected with a logged reason; the broker stays up', async () => {
  const office = await runOffice();
  try {
    const settings = office.devices.find((d) => d.deviceId === 'kiosk-hala')!;
    const kiosk = await connectAs(settings);
    const replies = await collect(kiosk, 'fronta/v1/kiosk/kiosk-hala/reply');
    const request = 'fronta/v1/kiosk/kiosk-hala/request';
    const now = office.clock.now();

    await kiosk.publishAsync(request, '{"kind": "walkIn", "requestId": ', { qos: 1 });
    await kiosk.publishAsync(request, JSON.stringify({ kind: 'walkIn', requestId: 'typed-wrong-1', pressedAt: 'yesterday', serviceId: 'pasy' }), { qos: 1 });
    await kiosk.publishAsync(request, JSON.stringify({ kind: 'walkIn', requestId: 'extra-field-1', pressedAt: now, serviceId: 'pasy', priority: 'vip' }), { qos: 1 });
    await kiosk.publishAsync(request, JSON.stringify({ kind: 'walkIn', requestId: 'unicode-1', pressedAt: now, serviceId: 'pasy\u0000\u202e' }), { qos: 1 });
    // The unparseable message has no request id to answer to: it is only logged.
    await eventually('two invalidMessage replies and one refusal', () => replies.length >= 3);
    const codes = replies.map((r) => (r.payload as { error?: { code: string } }).error?.code);
    assert.equal(codes, ['invalidMessage', 'invalidMessage', 'unknownService']);
    assert.ok(office.logs.some((l) => l.includes('rejected message') && l.includes('not JSON')));
    assert.ok(office.logs.some((l) => l.includes('rejected message') && l.includes('pressedAt')));

    // A payload over the contract's 8 KiB within a packet the server reads: refused by the publish check.
    const closed = new Promise<void>((resolve) => kiosk.once('close', () => resolve()));
    kiosk.publish(request, JSON.stringify({ kind: 'walkIn', requestId: 'big-request', pressedAt: now, serviceId: 'x'.repeat(10_000) }), { qos: 1 });
    await closed;
    assert.ok(office.logs.some((l) => l.includes('refused publish') && l.includes('exceeds')));
    await kiosk.endAsync(true);
    // A packet over 16 KiB: the connection is closed at its header, before the packet is read.
    const huge = await connectAs(settings);
    const hugeClosed = new Promise<void>((resolve) => huge.once('close', () => resolve()));
    huge.publish(request, JSON.stringify({ kind: 'walkIn', requestId: 'huge-request', pressedAt: now, serviceId: 'x'.repeat(100_000) }), { qos: 1 });
    await hugeClosed;
    assert.ok(office.logs.some((l) => l.includes('oversized packet')));
    await huge.endAsync(true);

    // Nothing changed, and the broker still answers a good request.
    assert.is(
      office.server.engine.serviceStatuses().reduce((n, s) => n + s.waiting, 0),
      0,
    );
    const again = await connectAs(settings);
    const good = await collect(again, 'fronta/v1/kiosk/kiosk-hala/reply');
    await again.publishAsync(request, JSON.stringify({ kind: 'walkIn', requestId: 'good-request-1', pressedAt: now, serviceId: 'pasy' }), { qos: 1 });
    await eventually('a ticket', () => good.length > 0);
    assert.is((good[0]!.payload as { data: { ticket: { number: string } } }).data.ticket.number, 'C001');
    await again.endAsync();
  } finally {
    await office.stop();
  }
});

test('a counter command pressed long ago is refused and calls nobody', async () => {
  const office = await runOffice();
  try {
    const kiosk = await connectAs(office.devices.find((d) => d.deviceId === 'kiosk-hala')!);
    await kiosk.publishAsync('fronta/v1/kiosk/kiosk-hala/request', JSON.stringify({ kind: 'walkIn', requestId: 'walk-in-0001', pressedAt: office.clock.now(), serviceId: 'pasy' }), { qos: 1 });
    await eventually('the ticket stored', () => office.server.engine.serviceStatuses().find((s) => s.serviceId === 'pasy')!.waiting === 1);
    const box = await connectAs(office.devices.find((d) => d.deviceId === 'prepazka-2')!);
    const replies = await collect(box, 'fronta/v1/counter/prepazka-2/reply');
    await box.publishAsync('fronta/v1/counter/prepazka-2/command', JSON.stringify({ action: 'next', commandId: 'old-press-01', pressedAt: office.clock.now() - 10 * 60_000 }), { qos: 1 });
    await eventually('the refusal', () => replies.length > 0);
    assert.is((replies[0]!.payload as { error: { code: string } }).error.code, 'stale');
    assert.is(office.server.engine.hallCalls().calls.length, 0);
    await Promise.all([kiosk.endAsync(), box.endAsync()]);
  } finally {
    await office.stop();
  }
});

test.run();
