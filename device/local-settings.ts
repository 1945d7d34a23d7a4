import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { formatIssues } from '../shared/config/validate.ts';
import { deviceAccessSchema } from '../shared/contract/enrolment.ts';
import { hardwareSettingsSchema } from './hardware-settings.ts';

/** All a device keeps locally: where the broker is, who it is, its secret (from enrolment), and its hardware. */
export const localSettingsSchema = deviceAccessSchema.extend({ hardware: hardwareSettingsSchema.default({}) });
export type LocalSettings = z.infer<typeof localSettingsSchema>;

/** MQTT.js's TLS options for these settings: the certificate to trust, if the settings name one. */
export const brokerTls = (settings: Pick<LocalSettings, 'brokerCa'>): { ca?: string } => (settings.brokerCa ? { ca: settings.brokerCa } : {});

export async function readLocalSettings(path: string): Promise<LocalSettings> {
  const result = localSettingsSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!result.success) throw new Error(`invalid device settings ${path}:\n  ${formatIssues(result.error).join('\n  ')}`);
  return result.data;
}
