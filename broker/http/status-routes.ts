import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { linkTokenSchema } from '../../shared/contract/booking-api.ts';
import type { QueueEngine } from '../engine/queue-engine.ts';
import { parseOr400, sendRefusal } from './api-errors.ts';

const ticketParams = z.strictObject({ token: linkTokenSchema });

/** The public live pages' data: every service's queue, and one ticket by its unguessable token. */
export function statusRoutes(app: FastifyInstance, engine: QueueEngine): void {
  app.get('/api/status', (_req, reply) => reply.send({ day: engine.currentDay(), services: engine.serviceStatuses() }));

  app.get('/api/tickets/:token', (req, reply) => {
    const params = parseOr400(ticketParams, req.params, reply);
    if (!params) return reply;
    const status = engine.ticketStatus(params.token);
    // A ticket of an earlier day, or no ticket at all: the same answer, so tokens cannot be probed.
    return status ? reply.send(status) : sendRefusal(reply, 'notFound');
  });
}
