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
  /**
   * The next instant at which the clock alone may change this status (a ticket window opening or
   * closing). A kiosk whose clock is past it asks the engine rather than trust a dark button: the
   * status of the opening minute may still be on its way.
   */
  changesAt: epochMsSchema.optional(),
  updatedAt: epochMsSchema,
});
export type ServiceStatus = z.infer<typeof serviceStatusSchema>;
