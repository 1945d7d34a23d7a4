import { z } from 'zod';
import { epochMsSchema, ticketNumberSchema } from './common.ts';

export const hallCallSchema = z.strictObject({
  number: ticketNumberSchema,
  serviceId: z.string(),
  workplaceId: z.string(),
  counterNumber: z.int(),
  kind: z.enum(['call', 'recall']),
  at: epochMsSchema,
  /** Increases with every call of the day, so a screen can tell a recall from a repeated delivery. */
  seq: z.int().min(1),
});
export type HallCall = z.infer<typeof hallCallSchema>;

export const hallCallsSchema = z.strictObject({ calls: z.array(hallCallSchema), updatedAt: epochMsSchema });
export type HallCalls = z.infer<typeof hallCallsSchema>;
