import { z } from 'zod';
import { languageSchema, phoneSchema, smsChoice } from './booking-api.ts';
import { epochMsSchema, ticketNumberSchema } from './common.ts';

/**
 * What the ticket's QR code page shows (`/t/{token}`, `GET /api/tickets/{token}`): no personal
 * data, only the ticket's place in the queue. The token is 128 random bits, so pages cannot be guessed.
 */
export const ticketStatusSchema = z.strictObject({
  number: ticketNumberSchema,
  serviceId: z.string(),
  /** `parked`: sent aside by the clerk (to fetch a document, say), to be called back at `counterNumber`. */
  state: z.enum(['waiting', 'called', 'parked', 'done', 'noShow']),
  /** People before this ticket in its line; 0 once called. */
  ahead: z.int().min(0),
  estimatedWaitMinutes: z.int().min(0).nullable(),
  /** The counter to go to, once called (or parked). */
  counterNumber: z.int().nullable(),
  booking: z.strictObject({ startsAt: epochMsSchema }).nullable(),
  /** "Your turn is near": the page alerts once `ahead` is at most this (rules.nearTurnAhead). */
  alertAhead: z.int().min(0),
  updatedAt: epochMsSchema,
});
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

/** The ticket's page: its status, and "your turn is near" by SMS (`offered`: the office sends it; `to`: the number typed, masked). */
export const ticketPageSchema = ticketStatusSchema.extend({
  sms: z.strictObject({ offered: z.boolean(), to: z.string().nullable(), sent: z.boolean() }),
});
export type TicketPage = z.infer<typeof ticketPageSchema>;

/** A number for "your turn is near", typed on the ticket's page; deleted at the day's end. */
export const ticketPhoneRequestSchema = z.strictObject({ phone: phoneSchema, language: languageSchema }).superRefine((body, ctx) => smsChoice({ ...body, sms: true }, ctx));
