import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { localSettingsSchema } from '../local-settings.ts';
import { driverFactory } from './factory.ts';
import { OnoffButtons } from './gpio/onoff-buttons.ts';
import { J5Digits } from './j5/j5-digits.ts';
import { HidKeypad } from './keypad/hid-keypad.ts';
import { EscposPrinter } from './printer/escpos-printer.ts';
import { SimButtons } from './sim/sim-buttons.ts';
import { SimTextDisplay } from './sim/sim-text-display.ts';

test('each part gets the driver its settings name; a part left out is simulated', async () => {
  const kiosk = await driverFactory({
    buttons: { kind: 'gpio', debounceMs: 30, pins: [{ button: 1, input: 17, light: 27 }] },
    keypad: { kind: 'hid' },
    printer: { kind: 'network', host: '10.0.0.5', port: 9100 },
  }).create('kiosk');
  assert.ok(kiosk.buttons instanceof OnoffButtons);
  assert.ok(kiosk.keypad instanceof HidKeypad);
  assert.ok(kiosk.printer instanceof EscposPrinter);
  assert.is((kiosk.printer as EscposPrinter).description, 'tcp 10.0.0.5:9100');
  assert.ok(kiosk.lcd instanceof SimTextDisplay);
  const counter = await driverFactory({ digits: { kind: 'johnny-five', port: '/dev/ttyACM0', pins: { data: 2, clock: 3, cs: 4 }, rightmostFirst: true } }).create('counter');
  assert.ok(counter.digits instanceof J5Digits);
  assert.ok(counter.buttons instanceof SimButtons);
});

test('hardware settings are validated with every error at once', () => {
  const result = localSettingsSchema.safeParse({
    broker: 'mqtt://10.0.0.2:1883',
    deviceId: 'kiosk-hala',
    secret: 'a-long-enough-secret',
    hardware: { printer: { kind: 'network' }, buttons: { kind: 'gpio', pins: [] } },
  });
  assert.not.ok(result.success);
  const paths = result.error!.issues.map((i) => i.path.join('.'));
  assert.ok(paths.includes('hardware.printer.host'), paths.join(', '));
  assert.ok(paths.includes('hardware.buttons.pins'), paths.join(', '));
});

test('a device whose settings file says nothing about hardware is fully simulated', () => {
  const parsed = localSettingsSchema.parse({ broker: 'mqtt://10.0.0.2:1883', deviceId: 'kiosk-hala', secret: 'a-long-enough-secret' });
  assert.equal(parsed.hardware, {});
  assert.equal(localSettingsSchema.parse({ broker: 'mqtt://10.0.0.2:1883', deviceId: 'kiosk-hala', secret: 'a-long-enough-secret', hardware: 'sim' }).hardware, {});
});

test.run();
