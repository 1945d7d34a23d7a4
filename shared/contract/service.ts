import { z } from 'zod';
import { epochMsSchema } from './common.ts';

export const serviceStatusSchema = z.strictObject({
  serviceId: z.string(),
  open: z.boolean(),
  /** Why the service's button is dark; null while it is open. */
  closedReason: z.enum(['closed', 'holiday', 'capacityExhausted']).nullable(),
  waiting: z.int().min(0),
  estimatedWaitMinutes: z.int().min(0).nullable(),
  /** Walk-in tickets the service's workplace can still issue today. */
  ticketsLeft: z.int().min(0),
  updatedAt: epochMsSchema,
});
export type ServiceStatus = z.infer<typeof serviceStatusSchema>;
