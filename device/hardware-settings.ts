import { z } from 'zod';

const boardPort = { port: z.string().min(1), baudRate: z.int().positive().optional() };
const pinMap = z.array(z.strictObject({ button: z.int().min(1), input: z.int().min(0), light: z.int().min(0).optional() })).min(1);
const sim = z.strictObject({ kind: z.literal('sim') });

/**
 * Which driver each part of a device uses, in the device's local settings. A part left out is
 * simulated, so a Pi can be brought up one part at a time (README: which hardware was tested).
 */
const parts = z.strictObject({
  buttons: z
    .discriminatedUnion('kind', [
      sim,
      z.strictObject({ kind: z.literal('gpio'), chipLabel: z.string().optional(), debounceMs: z.int().min(0).max(500).default(30), pins: pinMap }),
      z.strictObject({ kind: z.literal('johnny-five'), ...boardPort, pins: pinMap }),
    ])
    .optional(),
  keypad: z.discriminatedUnion('kind', [sim, z.strictObject({ kind: z.literal('hid'), vendorId: z.int().optional(), productId: z.int().optional() })]).optional(),
  printer: z
    .discriminatedUnion('kind', [
      sim,
      z.strictObject({ kind: z.literal('network'), host: z.string().min(1), port: z.int().default(9100) }),
      z.strictObject({ kind: z.literal('serial'), path: z.string().min(1), baudRate: z.int().default(19200) }),
      z.strictObject({ kind: z.literal('usblp'), path: z.string().default('/dev/usb/lp0') }),
    ])
    .optional(),
  lcd: z
    .discriminatedUnion('kind', [sim, z.strictObject({ kind: z.literal('johnny-five'), ...boardPort, address: z.int().default(0x27), rows: z.int().default(4), columns: z.int().default(20) })])
    .optional(),
  digits: z
    .discriminatedUnion('kind', [
      sim,
      z.strictObject({ kind: z.literal('johnny-five'), ...boardPort, pins: z.strictObject({ data: z.int(), clock: z.int(), cs: z.int() }), rightmostFirst: z.boolean().default(true) }),
    ])
    .optional(),
});

/** `"sim"` is short for every part simulated. */
export const hardwareSettingsSchema = z.preprocess((value) => (value === 'sim' ? {} : value), parts);
export type HardwareSettings = z.infer<typeof parts>;
