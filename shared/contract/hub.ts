import { z } from 'zod';
import { epochMsSchema, ticketNumberSchema } from './common.ts';

/**
 * Between an office server and the hub (issue #17), through the hub's Mosquitto: each office
 * publishes on its own topic only (the broker's ACL), QoS 1 with persistent sessions on both sides.
 */
export const hubCheckInTopic = (officeId: string): string => `fronta-hub/offices/${officeId}/checkins`;
export const hubCheckInFilter = 'fronta-hub/offices/+/checkins';

/** A booking checked in at an office's kiosk; the hub records it once, however often it arrives. */
export const hubCheckInSchema = z.strictObject({
  bookingId: z.string().min(1).max(64),
  ticketNumber: ticketNumberSchema,
  checkedInAt: epochMsSchema,
});
export type HubCheckIn = z.infer<typeof hubCheckInSchema>;
