import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Credentials, hashSecret, newSecret } from '../../broker/devices/device-keys.ts';
import { writeFileDurably } from '../../broker/store/durable-file.ts';
import type { LocalSettings } from '../../device/local-settings.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { simulatorId } from '../../shared/contract/simulation.ts';

export interface Provisioned {
  credentialsPath: string;
  devices: LocalSettings[];
  /** The virtual office page's secret, when asked for (a simulating server accepts it). */
  simulatorSecret?: string;
}

/**
 * Gives every device of the office a fresh secret: the server keeps only its hash in
 * `credentials.json`, each device its own `devices/<id>.json` (broker address, id, secret, and for
 * mqtts:// with the office's own certificate that certificate).
 */
export async function provisionDevices(config: OfficeConfig, dir: string, broker: string, withSimulator = false, brokerCa?: string): Promise<Provisioned> {
  await mkdir(join(dir, 'devices'), { recursive: true });
  const credentials: Credentials = {};
  const devices: LocalSettings[] = [];
  for (const { id } of [...config.kiosks, ...config.counters, ...config.displays]) {
    const secret = newSecret();
    credentials[id] = hashSecret(secret);
    devices.push({ broker, deviceId: id, secret, ...(brokerCa ? { brokerCa } : {}), hardware: {} });
  }
  await writeDeviceSettings(dir, devices);
  const simulatorSecret = withSimulator ? newSecret() : undefined;
  if (simulatorSecret) credentials[simulatorId] = hashSecret(simulatorSecret);
  const credentialsPath = join(dir, 'credentials.json');
  await writeFileDurably(credentialsPath, `${JSON.stringify(credentials, null, 2)}\n`);
  return { credentialsPath, devices, ...(simulatorSecret ? { simulatorSecret } : {}) };
}

/** Each device's own file, `devices/<id>.json`; written again by the office script once the broker's port is known. */
export async function writeDeviceSettings(dir: string, devices: LocalSettings[]): Promise<void> {
  for (const settings of devices) await writeFileDurably(join(dir, 'devices', `${settings.deviceId}.json`), `${JSON.stringify(settings, null, 2)}\n`);
}
