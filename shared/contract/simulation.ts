import { z } from 'zod';
import { epochMsSchema } from './common.ts';

/**
 * The virtual office (issue #5): a web page that shows the simulated devices and presses their
 * buttons. It talks to the device processes over the broker on these topics, which exist only on
 * a server started for simulation (FRONTA_SIMULATION=1); a production broker refuses them.
 */

/** The page's own login; the server accepts it only when simulating. */
export const simulatorId = 'virtual-office';

export const keypadKeys = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'enter', 'clear', 'back'] as const;

/** What a person does to a simulated device: press a button, type on the keypad, take the paper away. */
export const simInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('press'), button: z.int().min(0).max(63) }),
  z.strictObject({ kind: z.literal('keys'), keys: z.array(z.enum(keypadKeys)).min(1).max(20) }),
  z.strictObject({ kind: z.literal('paper'), paper: z.enum(['ok', 'paperLow', 'paperOut']) }),
]);
export type SimInput = z.infer<typeof simInputSchema>;

/**
 * What a simulated device shows, retained so that a page opened later sees it. Only the newest
 * ticket travels (its ESC/POS bytes, base64), with the count so far: the page keeps the ones it saw.
 */
export const simOutputSchema = z.strictObject({
  lights: z
    .array(z.strictObject({ button: z.int().min(0).max(63), on: z.boolean() }))
    .max(32)
    .optional(),
  lcd: z.array(z.string().max(40)).max(8).optional(),
  digits: z.string().max(16).optional(),
  paper: z.enum(['ok', 'paperLow', 'paperOut', 'offline', 'unknown']).optional(),
  printed: z.int().min(0).optional(),
  lastTicket: z.base64().max(6000).optional(),
  at: epochMsSchema,
});
export type SimOutput = z.infer<typeof simOutputSchema>;
