import { clockFromSettings } from '../shared/clock.ts';
import { driverFactory } from './drivers/factory.ts';
import { enrol } from './enrol.ts';
import { editHardware } from './hardware-edit.ts';
import { readLocalSettings } from './local-settings.ts';
import { DeviceRuntime } from './runtime.ts';

/**
 * One device: `tsx device/main.ts device.json` (see deploy/README.md for a Pi); once, to get its
 * settings: `tsx device/main.ts enrol SERVER-URL CODE device.json`; to set its wiring:
 * `tsx device/main.ts hardware device.json [--like EXAMPLE] [PATH=VALUE …]`.
 */
const usage =
  'usage: device.mjs <device-settings.json>  |  device.mjs enrol https://SERVER:8443 CODE <device-settings.json>  |  device.mjs hardware <device-settings.json> [--like kiosk-hala] [printer.host=10.0.0.21 …]';
const [first, ...rest] = process.argv.slice(2);
if (!first) {
  console.error(usage);
  process.exit(2);
}
if (first === 'enrol') {
  const [server, code, path] = rest;
  if (!server || !code || !path) {
    console.error(usage);
    process.exit(2);
  }
  const enrolled = await enrol(server, code, path).catch((error: Error) => {
    console.error(`Zapojení se nepodařilo / enrolment failed: ${error.message}`);
    process.exit(1);
  });
  // stdout for the installer (deploy/device-install.sh), stderr for the person.
  console.error(`Zařízení ${enrolled.deviceId} je zapojené / enrolled: ${path}`);
  console.log(JSON.stringify({ enrolled: true, ...enrolled }));
  process.exit(0);
}
if (first === 'hardware') {
  const [path, ...assignments] = rest;
  if (!path) {
    console.error(usage);
    process.exit(2);
  }
  const hardware = await editHardware(path, assignments).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
  console.log(JSON.stringify(hardware, null, 2));
  process.exit(0);
}
const settings = await readLocalSettings(first);
const runtime = new DeviceRuntime(
  settings,
  driverFactory(settings.hardware),
  clockFromSettings({ startAt: process.env.FRONTA_START_AT, offsetMs: process.env.FRONTA_CLOCK_OFFSET_MS, rate: process.env.FRONTA_CLOCK_RATE, epochMs: process.env.FRONTA_CLOCK_EPOCH_MS }),
);
runtime.onConfigured((config) => console.log(JSON.stringify({ configured: true, deviceId: config.deviceId, role: config.role })));
await runtime.start();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void runtime.stop().then(() => process.exit(0)));
