import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { DriverFactory } from '../../device/drivers/factory.ts';
import { simDriverFactory } from '../../device/drivers/factory.ts';
import type { SimButtons } from '../../device/drivers/sim/sim-buttons.ts';
import type { SimPrinter } from '../../device/drivers/sim/sim-printer.ts';
import { DeviceRuntime } from '../../device/runtime.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { decodeEscpos } from '../../shared/escpos/decode.ts';
import { eventually } from '../support/eventually.ts';
import { runOffice } from '../support/office-fixture.ts';
import { addAccount, adminToken, staffClient } from '../support/staff-client.ts';

/** The simulated drivers, each start and stop counted: what a Pi's GPIO, serial port and printer would go through. */
function countingFactory() {
  const calls = { start: 0, stop: 0 };
  const factory: DriverFactory = {
    async create(role) {
      const parts = await simDriverFactory.create(role);
      for (const part of Object.values(parts)) {
        const [start, stop] = [part.start.bind(part), part.stop.bind(part)];
        part.start = () => {
          calls.start++;
          return start();
        };
        part.stop = () => {
          calls.stop++;
          return stop();
        };
      }
      return parts;
    },
  };
  return { calls, factory };
}

test('a settings change reaches the kiosk without closing its hardware: the new role is attached to the running drivers and the old one hears nothing', async () => {
  const office = await runOffice({ adminToken });
  const { calls, factory } = countingFactory();
  const runtime = new DeviceRuntime(office.devices.find((d) => d.deviceId === 'kiosk-hala')!, factory, office.clock, () => {});
  try {
    const base = `http://127.0.0.1:${office.server.httpPort}`;
    await addAccount(base, 'reditelka', 'admin');
    const admin = staffClient(base);
    await admin.login('reditelka');
    let configured = 0;
    runtime.onConfigured(() => configured++);
    await runtime.start();
    const { buttons, printer } = (await runtime.driversOf('kiosk')) as unknown as { buttons: SimButtons; printer: SimPrinter };
    await eventually('configured and the passport button lit', () => configured === 1 && buttons.lights.get(3));
    assert.equal(calls, { start: 4, stop: 0 }, 'buttons, keypad, printer and LCD started once');

    const config = (await admin.call('GET', '/api/staff/settings')).body!.config as OfficeConfig;
    config.services.find((s) => s.id === 'pasy')!.name.cs = 'Pasy';
    assert.is((await admin.call('PUT', '/api/staff/settings', { config, cancelAffected: false })).status, 200);
    await eventually('the new configuration', () => configured === 2);
    assert.equal(calls, { start: 4, stop: 0 }, 'no driver closed and reopened');

    await eventually('the passport button lit again', () => buttons.lights.get(3));
    buttons.press(3);
    await eventually('a ticket', () => printer.printed.length === 1);
    buttons.press(3);
    await eventually('a second ticket', () => printer.printed.length === 2);
    const numbers = printer.printed.map((bytes) => decodeEscpos(bytes).lines.map((l) => l.text));
    assert.ok(numbers[0]!.includes('C001') && numbers[1]!.includes('C002'), 'each press one ticket, from the one role attached');
    assert.ok(numbers[1]!.includes('Pasy'), 'printed with the new name');
  } finally {
    await runtime.stop();
    await office.stop();
  }
  assert.equal(calls, { start: 4, stop: 4 }, 'the runtime stops its drivers at its own stop');
});

test.run();
