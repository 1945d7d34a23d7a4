import { z } from 'zod';
import { epochMs, refusal, requestId, ticketNumber } from './common.ts';

export const simpleCounterActions = ['next', 'recall', 'noShow', 'done', 'pause', 'resume'] as const;
export type SimpleCounterAction = (typeof simpleCounterActions)[number];

export const counterCommand = z.discriminatedUnion('action', [
  z.strictObject({ action: z.enum(simpleCounterActions), commandId: requestId, pressedAt: epochMs }),
  z.strictObject({ action: z.literal('transfer'), commandId: requestId, pressedAt: epochMs, serviceId: z.string().max(40) }),
]);
export type CounterCommand = z.infer<typeof counterCommand>;
export type CounterAction = CounterCommand['action'];

export const counterReply = z.discriminatedUnion('ok', [z.strictObject({ commandId: requestId, ok: z.literal(true) }), z.strictObject({ commandId: requestId, ok: z.literal(false), error: refusal })]);
export type CounterReply = z.infer<typeof counterReply>;

export const calledTicket = z.strictObject({
  number: ticketNumber,
  serviceId: z.string(),
  calledAt: epochMs,
  calls: z.int().min(1),
});

export const counterState = z.strictObject({
  counterId: z.string(),
  number: z.int(),
  status: z.enum(['open', 'paused']),
  current: calledTicket.nullable(),
  /** Clients waiting for any of this counter's services. */
  waiting: z.int().min(0),
  updatedAt: epochMs,
});
export type CounterState = z.infer<typeof counterState>;

/** The clerk's box as wired (deploy/WIRING.md): which button does what. Pause and resume share one button. */
export type CounterButton = Extract<SimpleCounterAction, 'next' | 'recall' | 'noShow' | 'done'> | 'pauseToggle';
export const counterButtons: Record<number, CounterButton> = {
  1: 'next',
  2: 'recall',
  3: 'noShow',
  4: 'done',
  5: 'pauseToggle',
};
