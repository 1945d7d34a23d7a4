import { z } from 'zod';
import type { LocalizedText } from '../config/localized.ts';
import { deviceIdSchema } from './common.ts';

/**
 * Enrolling a device (docs/DEVICES.md): an administrator asks the staff pages for a short code for
 * one device; typed on that device once, it brings the device its broker address, id and a secret
 * of its own over the LAN. No other device's secret changes.
 */

/** No I, O, 0 or 1: read off a screen and typed on a Pi without confusing them. */
export const enrolmentAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const enrolmentCodeLength = 8;

/** Typed as shown (`K7QM-3XPA`), in any case, with or without the dash or spaces. */
export const enrolmentCodeSchema = z
  .string()
  .max(32)
  .transform((typed) => typed.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(new RegExp(`^[${enrolmentAlphabet}]{${enrolmentCodeLength}}$`), `expected ${enrolmentCodeLength} letters and digits, as shown on the staff page`));

export const enrolRequestSchema = z.strictObject({ code: enrolmentCodeSchema });

/** What a device needs to log in: where the broker is, who it is, its secret, and the certificate to trust for mqtts://. */
export const deviceAccessSchema = z.strictObject({
  broker: z.string().regex(/^(mqtts?|wss?):\/\//, 'expected mqtt://, mqtts://, ws:// or wss://'),
  deviceId: deviceIdSchema,
  secret: z.string().min(16),
  /** For mqtts:// with a certificate the device cannot check otherwise (the office's own): that certificate, as PEM. */
  brokerCa: z.string().startsWith('-----BEGIN CERTIFICATE-----').optional(),
});
export type DeviceAccess = z.infer<typeof deviceAccessSchema>;

/** The answer to a code: the device's access, and its role, which decides what the installer sets up (the runtime, or the hall screen's browser). */
export const enrolmentSchema = z.strictObject({ role: z.enum(['kiosk', 'counter', 'display']), access: deviceAccessSchema });
export type Enrolment = z.infer<typeof enrolmentSchema>;

/** Shown on the staff page, `K7QM-3XPA`. */
export const shownCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

export interface EnrolmentOffer {
  /** As shown, with its dash. */
  code: string;
  expiresAt: number;
}

/** One device of the office on the staff page Zařízení. */
export interface DeviceRow {
  deviceId: string;
  role: 'kiosk' | 'counter' | 'display';
  /** A kiosk's or display's name; a counter is named by its number. */
  name: LocalizedText | null;
  counterNumber: number | null;
  /** Has a secret of its own (it can log in). */
  enrolled: boolean;
  online: boolean;
  /** A code offered and not yet used. */
  offer: EnrolmentOffer | null;
}
