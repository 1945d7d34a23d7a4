import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { writeFileDurably } from '../broker/store/durable-file.ts';
import { formatIssues } from '../shared/config/validate.ts';
import { hardwareSettingsSchema } from './hardware-settings.ts';
import { localSettingsSchema } from './local-settings.ts';

/** The wiring of every Kostelec device (deploy/examples/), beside the bundle on a Pi as in the checkout. */
const examples = fileURLToPath(new URL('../deploy/examples/', import.meta.url));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `printer.host=10.0.0.22`, `buttons.pins.0.input=18`: a value is JSON where it reads as JSON (numbers, true), else text. */
function setAt(target: { [key: string]: Json }, assignment: string): void {
  const eq = assignment.indexOf('=');
  if (eq < 1) throw new Error(`expected PATH=VALUE, got ${assignment}`);
  const path = assignment.slice(0, eq).split('.');
  const text = assignment.slice(eq + 1);
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    value = text;
  }
  let node: { [key: string]: Json } | Json[] = target;
  for (const [k, key] of path.entries()) {
    const slot = node as { [key: string]: Json };
    if (k === path.length - 1) slot[key] = value;
    else {
      slot[key] ??= /^\d+$/.test(path[k + 1]!) ? [] : {};
      node = slot[key] as { [key: string]: Json };
    }
  }
}

/**
 * `device.mjs hardware /etc/fronta/device.json [--like kiosk-hala] [PATH=VALUE …]`: the device's
 * `hardware` part set without editing JSON: taken from an example device's wiring (deploy/examples/,
 * WIRING.md's pins) and changed where this device differs (its printer's address). Checked by the
 * schema before it is written; the device's access is kept. Returns the hardware written.
 */
export async function editHardware(path: string, args: readonly string[]): Promise<unknown> {
  const settings = localSettingsSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  let hardware = structuredClone(settings.hardware) as { [key: string]: Json };
  const rest = [...args];
  const like = rest.indexOf('--like');
  if (like >= 0) {
    const name = rest.splice(like, 2)[1];
    if (!name || !/^[a-z0-9-]+$/.test(name)) throw new Error('--like needs an example device id (deploy/examples/)');
    hardware = (JSON.parse(await readFile(`${examples}${name}.json`, 'utf8')) as { hardware: { [key: string]: Json } }).hardware;
  }
  for (const assignment of rest) setAt(hardware, assignment);
  const checked = hardwareSettingsSchema.safeParse(hardware);
  if (!checked.success) throw new Error(`not written, the hardware settings are not valid:\n  ${formatIssues(checked.error).join('\n  ')}`);
  await writeFileDurably(path, `${JSON.stringify({ ...settings, hardware: checked.data }, null, 2)}\n`, 0o640);
  return checked.data;
}
