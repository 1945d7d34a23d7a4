import { z } from 'zod';
import { deviceIdSchema, epochMsSchema, refusalSchema, requestIdSchema, ticketNumberSchema } from './common.ts';

/** The box's buttons, and the page's same buttons. */
export const simpleCounterActions = ['next', 'recall', 'noShow', 'done', 'resume'] as const;
export type SimpleCounterAction = (typeof simpleCounterActions)[number] | 'pause';

/** Why a counter is paused, when the clerk says (the box's Pause says nothing). */
export const pauseReasons = ['lunch', 'meeting', 'other'] as const;

/** Every command's actions, with the fields of who sends them: `pressedAt` from a box, not from a page (the server stamps it). */
const commandsWith = <S extends z.ZodRawShape>(sent: S) =>
  z.discriminatedUnion('action', [
    z.strictObject({ action: z.enum(simpleCounterActions), ...sent }),
    z.strictObject({ action: z.literal('pause'), ...sent, reason: z.enum(pauseReasons).optional() }),
    z.strictObject({ action: z.literal('transfer'), ...sent, serviceId: z.string().max(40) }),
    z.strictObject({ action: z.literal('transferToCounter'), ...sent, counterId: deviceIdSchema }),
    z.strictObject({ action: z.literal('callTicket'), ...sent, number: ticketNumberSchema }),
    z.strictObject({ action: z.literal('park'), ...sent }),
    z.strictObject({ action: z.literal('callParked'), ...sent, number: ticketNumberSchema }),
    z.strictObject({ action: z.literal('setProfile'), ...sent, serviceIds: z.array(z.string().max(40)).min(1).max(20) }),
  ]);

/**
 * A counter's commands. The box sends the simple ones; the clerk's page all of them: a transfer to
 * another service (the client keeps their place in its line) or to a counter (called next there),
 * a ticket called out of order from the waiting list, a client parked aside and called back, and
 * the work profile (which of the counter's services Next serves now, in which order).
 */
export const counterCommandSchema = commandsWith({ commandId: requestIdSchema, pressedAt: epochMsSchema });

/** The same commands from the clerk's page (POST /api/staff/workstation/command): the server adds the instant and the counter. */
export const clerkCommandSchema = commandsWith({ commandId: requestIdSchema });
type ClerkCommand = z.infer<typeof clerkCommandSchema>;
/** A command as a front end composes it, before its id (and a box's instant) is added: one variant per action. */
export type CounterAct = ClerkCommand extends infer C ? (C extends unknown ? Omit<C, 'commandId'> : never) : never;
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
