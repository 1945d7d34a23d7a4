import { z } from 'zod';
import { epochMsSchema, refusalSchema, requestIdSchema, ticketNumberSchema } from './common.ts';

export const simpleCounterActions = ['next', 'recall', 'noShow', 'done', 'pause', 'resume'] as const;
export type SimpleCounterAction = (typeof simpleCounterActions)[number];

export const counterCommandSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.enum(simpleCounterActions), commandId: requestIdSchema, pressedAt: epochMsSchema }),
  z.strictObject({ action: z.literal('transfer'), commandId: requestIdSchema, pressedAt: epochMsSchema, serviceId: z.string().max(40) }),
]);
export type CounterCommand = z.infer<typeof counterCommandSchema>;
export type CounterAction = CounterCommand['action'];

export const counterReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({ commandId: requestIdSchema, ok: z.literal(true) }),
  z.strictObject({ commandId: requestIdSchema, ok: z.literal(false), error: refusalSchema }),
]);
export type CounterReply = z.infer<typeof counterReplySchema>;

export const calledTicketSchema = z.strictObject({
  number: ticketNumberSchema,
  serviceId: z.string(),
  calledAt: epochMsSchema,
  calls: z.int().min(1),
});

export const counterStateSchema = z.strictObject({
  counterId: z.string(),
  number: z.int(),
  status: z.enum(['open', 'paused']),
  current: calledTicketSchema.nullable(),
  /** Clients waiting for any of this counter's services. */
  waiting: z.int().min(0),
  updatedAt: epochMsSchema,
});
export type CounterState = z.infer<typeof counterStateSchema>;

/** The clerk's box as wired (deploy/WIRING.md): which button does what. Pause and resume share one button. */
export type CounterButton = Extract<SimpleCounterAction, 'next' | 'recall' | 'noShow' | 'done'> | 'pauseToggle';
export const counterButtons: Record<number, CounterButton> = {
  1: 'next',
  2: 'recall',
  3: 'noShow',
  4: 'done',
  5: 'pauseToggle',
};
