import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { formatIssues } from '../shared/config/validate.ts';
import { deviceIdSchema } from '../shared/contract/common.ts';
import { hardwareSettingsSchema } from './hardware-settings.ts';

/** All a device keeps locally: where the broker is, who it is, its secret, and its hardware. */
export const localSettingsSchema = z.strictObject({
  broker: z.string().regex(/^(mqtts?|wss?):\/\//, 'expected mqtt://, mqtts://, ws:// or wss://'),
  deviceId: deviceIdSchema,
  secret: z.string().min(16),
  /** For mqtts:// with a certificate the device cannot check otherwise (the office's own): that certificate, as PEM. */
  brokerCa: z.string().startsWith('-----BEGIN CERTIFICATE-----').optional(),
  hardware: hardwareSettingsSchema.default({}),
});
export type LocalSettings = z.infer<typeof localSettingsSchema>;

/** MQTT.js's TLS options for these settings: the certificate to trust, if the settings name one. */
export const brokerTls = (settings: Pick<LocalSettings, 'brokerCa'>): { ca?: string } => (settings.brokerCa ? { ca: settings.brokerCa } : {});

export async function readLocalSettings(path: string): Promise<LocalSettings> {
  const result = localSettingsSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!result.success) throw new Error(`invalid device settings ${path}:\n  ${formatIssues(result.error).join('\n  ')}`);
  return result.data;
}
