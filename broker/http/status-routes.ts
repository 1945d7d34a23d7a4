import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { linkTokenSchema } from '../../shared/contract/booking-api.ts';
import { maskedPhone } from '../../shared/contract/phone-number.ts';
import { type TicketPage, ticketPhoneRequestSchema } from '../../shared/contract/ticket-status.ts';
import type { BookingLedger } from '../booking/booking-ledger.ts';
import type { TurnSms } from '../booking/turn-sms.ts';
import type { QueueEngine } from '../engine/queue-engine.ts';
import { parseOr400, sendRefusal } from './api-errors.ts';

const ticketParams = z.strictObject({ token: linkTokenSchema });

/** Numbers typed per client address per 10 minutes: a family's tickets, not a list being tried. */
const phonesPerAddress = 10;

/**
 * The public live pages' data: every service's queue, one ticket by its unguessable token, and the
 * number its holder may leave for "your turn is near" by SMS.
 */
export function statusRoutes(app: FastifyInstance, deps: { engine: QueueEngine; turnSms: TurnSms; ledger: BookingLedger }): void {
  const { engine, turnSms, ledger } = deps;
  app.get('/api/status', (_req, reply) => reply.send({ day: engine.currentDay(), services: engine.serviceStatuses() }));

  app.get('/api/tickets/:token', (req, reply) => {
    const params = parseOr400(ticketParams, req.params, reply);
    if (!params) return reply;
    const status = engine.ticketStatus(params.token);
    // A ticket of an earlier day, or no ticket at all: the same answer, so tokens cannot be probed.
    if (!status) return sendRefusal(reply, 'notFound');
    const phone = turnSms.of(params.token);
    const page: TicketPage = { ...status, sms: { offered: ledger.smsOn('nearTurn'), to: phone && maskedPhone(phone.phone), sent: phone?.queued ?? false } };
    return reply.send(page);
  });

  app.put('/api/tickets/:token/phone', { config: { rateLimit: { max: phonesPerAddress, timeWindow: 600_000 } } }, async (req, reply) => {
    const params = parseOr400(ticketParams, req.params, reply);
    const body = params && parseOr400(ticketPhoneRequestSchema, req.body, reply);
    if (!params || !body) return reply;
    const outcome = await turnSms.register(params.token, body.phone, body.language);
    return outcome.ok ? reply.code(204).send() : sendRefusal(reply, outcome.error.code);
  });

  app.delete('/api/tickets/:token/phone', async (req, reply) => {
    const params = parseOr400(ticketParams, req.params, reply);
    if (!params) return reply;
    const outcome = await turnSms.forget(params.token);
    return outcome.ok ? reply.code(204).send() : sendRefusal(reply, outcome.error.code);
  });
}
