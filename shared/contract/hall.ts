import { z } from 'zod';
import { epochMs, ticketNumber } from './common.ts';

export const hallCall = z.strictObject({
  number: ticketNumber,
  serviceId: z.string(),
  workplaceId: z.string(),
  counterNumber: z.int(),
  kind: z.enum(['call', 'recall']),
  at: epochMs,
  /** Increases with every call of the day, so a screen can tell a recall from a repeated delivery. */
  seq: z.int().min(1),
});
export type HallCall = z.infer<typeof hallCall>;

export const hallCalls = z.strictObject({ calls: z.array(hallCall), updatedAt: epochMs });
export type HallCalls = z.infer<typeof hallCalls>;
