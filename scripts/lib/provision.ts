import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { hashSecret, newSecret, writeCredentials, type Credentials } from '../../broker/mqtt/credentials.ts';
import { writeFileDurably } from '../../broker/store/durable-file.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { simulatorId } from '../../shared/contract/simulation.ts';
import type { LocalSettings } from '../../device/local-settings.ts';

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
    const settings: LocalSettings = { broker, deviceId: id, secret, ...(brokerCa ? { brokerCa } : {}), hardware: {} };
    devices.push(settings);
    await writeFileDurably(join(dir, 'devices', `${id}.json`), `${JSON.stringify(settings, null, 2)}\n`);
  }
  const simulatorSecret = withSimulator ? newSecret() : undefined;
  if (simulatorSecret) credentials[simulatorId] = hashSecret(simulatorSecret);
  const credentialsPath = join(dir, 'credentials.json');
  await writeCredentials(credentialsPath, credentials);
  return { credentialsPath, devices, ...(simulatorSecret ? { simulatorSecret } : {}) };
}
