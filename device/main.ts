import { clockFromSettings } from '../shared/clock.ts';
import { driverFactory } from './drivers/factory.ts';
import { readLocalSettings } from './local-settings.ts';
import { DeviceRuntime } from './runtime.ts';

/** One device: `tsx device/main.ts device.json` (see deploy/README.md for a Pi). */
const path = process.argv[2];
if (!path) {
  console.error('usage: tsx device/main.ts <device-settings.json>');
  process.exit(2);
}
const settings = await readLocalSettings(path);
const runtime = new DeviceRuntime(
  settings,
  driverFactory(settings.hardware),
  clockFromSettings({ startAt: process.env.FRONTA_START_AT, offsetMs: process.env.FRONTA_CLOCK_OFFSET_MS, rate: process.env.FRONTA_CLOCK_RATE, epochMs: process.env.FRONTA_CLOCK_EPOCH_MS }),
);
runtime.onConfigured((config) => console.log(JSON.stringify({ configured: true, deviceId: config.deviceId, role: config.role })));
await runtime.start();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void runtime.stop().then(() => process.exit(0)));
