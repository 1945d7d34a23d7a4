import { z } from 'zod';
import { officeConfigSchema } from '../config/schema.ts';
import { isoDaySchema, languageSchema } from './booking-api.ts';
import { epochMsSchema, ticketNumberSchema } from './common.ts';

/**
 * Between an office server and the hub (issue #17), through the hub's Mosquitto: each office
 * publishes on its own topic only and reads only its own (the broker's ACL), QoS 1 with persistent
 * sessions on both sides.
 */
export const hubReportsTopic = (officeId: string): string => `fronta-hub/offices/${officeId}/reports`;
export const hubReportsFilter = 'fronta-hub/offices/+/reports';
export const hubBookingsTopic = (officeId: string): string => `fronta-hub/offices/${officeId}/bookings`;
/** The office's configuration as the hub keeps it: retained, so a new session gets it at once. */
export const hubConfigTopic = (officeId: string): string => `fronta-hub/offices/${officeId}/config`;

const bookingIdSchema = z.string().min(1).max(64);
const countSchema = z.int().min(0);
/** Durations by the minute (broker/statistics/day-aggregate.ts). */
const histogramSchema = z.strictObject({ n: countSchema, sumMs: z.number().min(0), minutes: z.record(z.string().regex(/^\d{1,5}$/), countSchema) });
const cellSchema = z.strictObject({
  issued: countSchema,
  served: countSchema,
  noShows: countSchema,
  wait: histogramSchema,
  service: histogramSchema,
  bookingsMade: countSchema,
  bookingsKept: countSchema,
  bookingsLapsed: countSchema,
  bookingsCancelled: countSchema,
  transfers: countSchema.optional(),
  outOfOrder: countSchema.optional(),
  parkedMs: z.number().min(0).optional(),
  lateWalkIns: countSchema.optional(),
  remindersSent: countSchema.optional(),
  bookingsMoved: countSchema.optional(),
  smsSent: countSchema.optional(),
  smsDelivered: countSchema.optional(),
  smsFailed: countSchema.optional(),
  smsLimited: countSchema.optional(),
});

/**
 * What an office reports to the hub; the hub records each once, however often it arrives: a booking
 * of the hub's checked in at the office's kiosk, one not checked in by the end of its window (a
 * no-show), and a finished day's statistics (one service's hour per cell, `${serviceId}/${hour}`).
 * `resync` asks for every booking from the day `from` on again: an office whose broker session is new
 * (its first start, or a week away) missed what was sent before it subscribed. `officeBooking` is a
 * booking the office made itself (its staff's, for a caller), in its newest state: the hub counts
 * its place (`online`: one made online before the office joined the hub, which counts as online).
 * `cancelled` is a booking of the hub's the office's staff cancelled (a caller asked): the hub
 * cancels it too, and e-mails the client when `notify` (the office has no address to write to).
 */
export const hubReportSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('checkIn'), bookingId: bookingIdSchema, ticketNumber: ticketNumberSchema, checkedInAt: epochMsSchema }),
  z.strictObject({ kind: z.literal('noShow'), bookingId: bookingIdSchema, lapsedAt: epochMsSchema }),
  z.strictObject({ kind: z.literal('cancelled'), bookingId: bookingIdSchema, cancelledAt: epochMsSchema, notify: z.boolean() }),
  z.strictObject({ kind: z.literal('day'), day: isoDaySchema, cells: z.record(z.string().max(100), cellSchema) }),
  z.strictObject({ kind: z.literal('resync'), from: isoDaySchema }),
  z.strictObject({
    kind: z.literal('officeBooking'),
    bookingId: bookingIdSchema,
    serviceId: z.string().min(1).max(64),
    day: isoDaySchema,
    startsAt: epochMsSchema,
    status: z.enum(['confirmed', 'checkedIn', 'lapsed', 'cancelled']),
    online: z.boolean(),
  }),
]);
export type HubReport = z.infer<typeof hubReportSchema>;

/** One report per booking and kind, and per day: a newer one replaces a report not yet sent. */
export const reportKey = (report: HubReport): string => (report.kind === 'day' ? `day/${report.day}` : report.kind === 'resync' ? 'resync' : `${report.kind}/${report.bookingId}`);

/** What an `officeBooking` report says of its booking: one reported in this state is not reported again. */
export const officeBookingState = (b: { status: string; serviceId: string; startsAt: number }): string => `${b.status}/${b.serviceId}/${b.startsAt}`;

/**
 * A booking made at the hub, as its office needs it to check the code in: sent after each change,
 * with a version that grows with every change (one sequence at the hub), so an office keeps the
 * newest and ignores a message that is old or comes twice. Only the name of the person travels: the
 * hub sends the mails.
 */
export const hubBookingSchema = z.strictObject({
  version: z.int().min(1),
  booking: z.strictObject({
    id: bookingIdSchema,
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

/**
 * The office's whole configuration, as the hub's administrator put it (`npm run hub-office -- put`).
 * The office keeps its own public address and mail relay, which belong to its server.
 */
export const hubConfigSchema = z.strictObject({ config: officeConfigSchema });

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
