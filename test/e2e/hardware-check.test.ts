import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkHardware } from '../../device/hardware-check.ts';
import { FakeNetworkPrinter } from '../fakes/fake-network-printer.ts';
import { runOffice } from '../support/office-fixture.ts';

test("the hardware check reports GPIO, keypads, the printer's paper and the broker login", async () => {
  const office = await runOffice();
  const printer = new FakeNetworkPrinter();
  const port = await printer.start();
  printer.paper = 'nearEnd';
  try {
    const settings = { ...office.devices.find((d) => d.deviceId === 'kiosk-hala')!, hardware: { printer: { kind: 'network' as const, host: '127.0.0.1', port } } };
    const results = await checkHardware(settings);
    const byPart = Object.fromEntries(results.map((r) => [r.part, r]));
    assert.equal(Object.keys(byPart), ['gpio', 'keypad', 'printer', 'lcd', 'broker']);
    assert.equal(byPart.printer, { part: 'printer', ok: true, detail: 'paper paperLow' });
    assert.ok(byPart.broker!.ok);
    assert.match(byPart.broker!.detail, 'configured as kiosk');
    assert.ok(byPart.keypad!.ok, byPart.keypad!.detail);
  } finally {
    await printer.stop();
    await office.stop();
  }
});

test('a wrong secret and an unreachable printer are reported, not thrown', async () => {
  const office = await runOffice();
  try {
    const settings = { ...office.devices[0]!, secret: 'wrong-secret-wrong-secret', hardware: { printer: { kind: 'network' as const, host: '127.0.0.1', port: 1 } } };
    const byPart = Object.fromEntries((await checkHardware(settings)).map((r) => [r.part, r]));
    assert.equal([byPart.broker!.ok, byPart.printer!.ok], [false, false]);
    assert.is(byPart.printer!.detail, 'paper offline');
  } finally {
    await office.stop();
  }
});

test.run();
