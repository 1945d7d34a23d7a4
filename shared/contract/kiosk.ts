import { z } from 'zod';
import { epochMsSchema, refusalSchema, requestIdSchema, ticketNumberSchema } from './common.ts';

const codeSchema = z.string().regex(/^\d{4,12}$/);

export const kioskRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('walkIn'), requestId: requestIdSchema, pressedAt: epochMsSchema, serviceId: z.string().max(40) }),
  z.strictObject({ kind: z.literal('checkIn'), requestId: requestIdSchema, pressedAt: epochMsSchema, code: codeSchema }),
  /** The citizen accepted the LCD's offer of a walk-in ticket for a code that came too late. */
  z.strictObject({ kind: z.literal('lateWalkIn'), requestId: requestIdSchema, pressedAt: epochMsSchema, code: codeSchema }),
]);
export type KioskRequest = z.infer<typeof kioskRequestSchema>;

export const ticketSchema = z.strictObject({
  number: ticketNumberSchema,
  serviceId: z.string(),
  issuedAt: epochMsSchema,
  waitingAhead: z.int().min(0),
  /** null while no counter serving the service is open: no honest estimate exists then. */
  estimatedWaitMinutes: z.int().min(0).nullable(),
  statusUrl: z.url(),
  /** Present on a booking's ticket: the booked time it is called at. */
  booking: z.strictObject({ startsAt: epochMsSchema }).optional(),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const kioskReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({ requestId: requestIdSchema, ok: z.literal(true), data: z.strictObject({ ticket: ticketSchema }) }),
  z.strictObject({ requestId: requestIdSchema, ok: z.literal(false), error: refusalSchema }),
]);
export type KioskReply = z.infer<typeof kioskReplySchema>;
