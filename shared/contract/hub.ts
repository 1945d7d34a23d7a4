import { z } from 'zod';
import { isoDaySchema, languageSchema } from './booking-api.ts';
import { epochMsSchema, ticketNumberSchema } from './common.ts';

/**
 * Between an office server and the hub (issue #17), through the hub's Mosquitto: each office
 * publishes on its own topic only and reads only its own (the broker's ACL), QoS 1 with persistent
 * sessions on both sides.
 */
export const hubCheckInTopic = (officeId: string): string => `fronta-hub/offices/${officeId}/checkins`;
export const hubCheckInFilter = 'fronta-hub/offices/+/checkins';
export const hubBookingsTopic = (officeId: string): string => `fronta-hub/offices/${officeId}/bookings`;

/** A booking checked in at an office's kiosk; the hub records it once, however often it arrives. */
export const hubCheckInSchema = z.strictObject({
  bookingId: z.string().min(1).max(64),
  ticketNumber: ticketNumberSchema,
  checkedInAt: epochMsSchema,
});
export type HubCheckIn = z.infer<typeof hubCheckInSchema>;

/**
 * A booking made at the hub, as its office needs it to check the code in: sent after each change,
 * with a version that grows with every change (one sequence at the hub), so an office keeps the
 * newest and ignores a message that is old or comes twice. Only the name of the person travels: the
 * hub sends the mails.
 */
export const hubBookingSchema = z.strictObject({
  version: z.int().min(1),
  booking: z.strictObject({
    id: z.string().min(1).max(64),
    serviceId: z.string().min(1).max(64),
    workplaceId: z.string().min(1).max(64),
    day: isoDaySchema,
    startsAt: epochMsSchema,
    status: z.enum(['confirmed', 'checkedIn', 'lapsed', 'cancelled']),
    createdAt: epochMsSchema,
    language: languageSchema,
    code: z
      .string()
      .regex(/^\d{8}$/)
      .optional(),
    name: z.string().max(200).optional(),
  }),
});
export type HubBooking = z.infer<typeof hubBookingSchema>;

/** A message of the line between office and hub checked against its schema; a payload that is not JSON fails it too. */
export function parseHubMessage<S extends z.ZodType>(schema: S, payload: Uint8Array): ReturnType<S['safeParse']> {
  let value: unknown = null;
  try {
    value = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    // Left null: the schema refuses it with its own message.
  }
  return schema.safeParse(value) as ReturnType<S['safeParse']>;
}
