import { z } from 'zod';
import { epochMs, refusal, requestId, ticketNumber } from './common.ts';

export const kioskRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('walkIn'), requestId, pressedAt: epochMs, serviceId: z.string().max(40) }),
  z.strictObject({ kind: z.literal('checkIn'), requestId, pressedAt: epochMs, code: z.string().regex(/^\d{4,12}$/) }),
]);
export type KioskRequest = z.infer<typeof kioskRequest>;

export const ticket = z.strictObject({
  number: ticketNumber,
  serviceId: z.string(),
  issuedAt: epochMs,
  waitingAhead: z.int().min(0),
  /** null while no counter serving the service is open: no honest estimate exists then. */
  estimatedWaitMinutes: z.int().min(0).nullable(),
  statusUrl: z.url(),
  /** Present on a booking's ticket: the booked time it is called at. */
  booking: z.strictObject({ startsAt: epochMs }).optional(),
});
export type Ticket = z.infer<typeof ticket>;

export const kioskReply = z.discriminatedUnion('ok', [
  z.strictObject({ requestId, ok: z.literal(true), data: z.strictObject({ ticket }) }),
  z.strictObject({ requestId, ok: z.literal(false), error: refusal }),
]);
export type KioskReply = z.infer<typeof kioskReply>;
