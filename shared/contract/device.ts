import { z } from 'zod';
import { localizedText } from '../config/localized.ts';
import { epochMsSchema } from './common.ts';

const kioskConfig = z.strictObject({
  role: z.literal('kiosk'),
  deviceId: z.string(),
  officeName: localizedText,
  name: localizedText,
  buttons: z.array(z.strictObject({ button: z.int(), serviceId: z.string(), letter: z.string(), name: localizedText })),
  requestTimeoutMs: z.int().min(100),
  codeEntryTimeoutMs: z.int().min(1000),
});
const counterConfig = z.strictObject({
  role: z.literal('counter'),
  deviceId: z.string(),
  number: z.int(),
  serviceIds: z.array(z.string()),
});
const displayConfig = z.strictObject({
  role: z.literal('display'),
  deviceId: z.string(),
  name: localizedText,
  counterNumbers: z.array(z.int()),
  workplaceIds: z.array(z.string()),
});

/** Everything a device knows beyond its broker address, id and secret comes from here (retained). */
export const deviceConfigSchema = z.discriminatedUnion('role', [kioskConfig, counterConfig, displayConfig]);
export type DeviceConfig = z.infer<typeof deviceConfigSchema>;
export type KioskConfig = z.infer<typeof kioskConfig>;
export type CounterConfig = z.infer<typeof counterConfig>;
export type DisplayConfig = z.infer<typeof displayConfig>;
export type DeviceRole = DeviceConfig['role'];

export const deviceHealthSchema = z.strictObject({
  status: z.enum(['ok', 'degraded', 'error']),
  printer: z.enum(['ok', 'paperLow', 'paperOut', 'offline', 'unknown']).optional(),
  message: z.string().max(300).optional(),
  at: epochMsSchema,
});
export type DeviceHealth = z.infer<typeof deviceHealthSchema>;

/** Whether a device is connected, and since when: the server's own knowledge (broker/mqtt/presence.ts), on no topic. */
export interface DevicePresence {
  online: boolean;
  since: number;
}
