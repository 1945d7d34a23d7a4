import { checkHardware } from './hardware-check.ts';
import { readLocalSettings } from './local-settings.ts';

/** `node --import tsx device/check.ts /etc/fronta/device.json`: what this device finds, part by part. */
const path = process.argv[2];
if (!path) {
  console.error('usage: device/check.ts <device-settings.json>');
  process.exit(2);
}
const results = await checkHardware(await readLocalSettings(path));
for (const r of results) console.log(`${r.ok ? 'ok     ' : 'FAILED '} ${r.part.padEnd(8)} ${r.detail}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
