import { z } from 'zod';
import { fieldProblems } from '../texts/issue-texts.ts';
import { idPattern } from './patterns.ts';

export const deviceIdSchema = z.string().regex(idPattern, fieldProblems.id.en);
/** Request and command ids: chosen by the device, reused on every retry of the same press. */
export const requestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'expected 8-64 characters of [A-Za-z0-9_-]');
export const epochMsSchema = z.int().min(1_500_000_000_000).max(4_000_000_000_000);
export const ticketNumberSchema = z.string().regex(/^[A-Z]\d{3,4}$/);

/** Refusals are codes; only the edge (kiosk LCD, web page, e-mail) turns them into words. */
export const refusalCodes = [
  'invalidMessage',
  'unknownService',
  'serviceNotAtKiosk',
  'closed',
  'holiday',
  'capacityExhausted',
  'stale',
  'storageFailed',
  'unknownCode',
  'codeUsed',
  'tooEarly',
  'tooLate',
  'wrongWorkplace',
  'tooManyAttempts',
  'queueEmpty',
  'noCurrentTicket',
  'counterPaused',
  'counterNotPaused',
  'notWaiting',
  'notParkedHere',
  'unknownCounter',
  'notServedHere',
] as const;
export const refusalCodeSchema = z.enum(refusalCodes);
export type RefusalCode = z.infer<typeof refusalCodeSchema>;

/**
 * A refusal on the wire: the code, a detail for the log, and the typed data some refusals carry for
 * the kiosk to show: `tooEarly` from when the code works, `tooLate` the booked time it lapsed
 * after (and `walkInOffer` when the office offers a walk-in ticket instead), `wrongWorkplace` the
 * kiosk that takes it, `codeUsed` the ticket it printed.
 */
export const refusalSchema = z.strictObject({
  code: refusalCodeSchema,
  detail: z.string().max(500).optional(),
  opensAt: epochMsSchema.optional(),
  bookedAt: epochMsSchema.optional(),
  kioskId: z.string().max(40).optional(),
  ticketNumber: ticketNumberSchema.optional(),
  walkInOffer: z.literal(true).optional(),
});
export type EngineRefusal = z.infer<typeof refusalSchema>;
