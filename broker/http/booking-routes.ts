import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { cancelRequestSchema, holdRequestSchema, linkTokenSchema, suspendRequestSchema } from '../../shared/contract/booking-api.ts';
import type { BookingOutcome } from '../booking/booking-rules.ts';
import type { BookingService } from '../booking/booking-service.ts';
import { adminTokenAccepted } from './admin-token.ts';
import { parseOr400, sendRefusal } from './api-errors.ts';

const serviceParams = z.strictObject({ serviceId: z.string().max(40) });
const dayParams = z.strictObject({ serviceId: z.string().max(40), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
const tokenParams = z.strictObject({ token: linkTokenSchema });
const cancelParams = z.strictObject({ step: z.enum(['preview', 'confirm']) });

const tenMinutes = 10 * 60_000;

/**
 * The booking API (docs/API.md). Reads are cheap and cached; every write is rate-limited per client
 * address, by the limits of the configuration in force (`config`), read at each request.
 */
export function bookingRoutes(app: FastifyInstance, booking: BookingService, config: () => OfficeConfig, adminToken: string): void {
  type Limits = OfficeConfig['booking']['limits'];
  const answer = <T>(reply: FastifyReply, outcome: BookingOutcome<T>, status = 200, workplaceId?: string) =>
    outcome.ok ? reply.code(status).send(outcome.data) : sendRefusal(reply, outcome.code, outcome.detail, outcome.code === 'suspended' ? booking.suspensionNotice(workplaceId) : undefined);
  const workplaceOf = (serviceId: string) => config().services.find((s) => s.id === serviceId)?.workplaceId;
  /** seed's crisis notice: while booking is off, every booking route refuses with it. */
  const suspendedFor = (reply: FastifyReply, serviceId: string) => {
    const workplaceId = workplaceOf(serviceId);
    const notice = workplaceId ? booking.suspensionNotice(workplaceId) : null;
    if (!notice) return false;
    sendRefusal(reply, 'suspended', undefined, notice);
    return true;
  };
  const limit = (max: (limits: Limits) => number) => ({ config: { rateLimit: { max: () => max(config().booking.limits), timeWindow: tenMinutes } } });

  app.get('/api/office', (_req, reply) => reply.send(booking.info()));

  app.get('/api/services/:serviceId/days', (req, reply) => {
    const params = parseOr400(serviceParams, req.params, reply);
    if (!params || suspendedFor(reply, params.serviceId)) return reply;
    return answer(reply, booking.days(params.serviceId));
  });

  app.get('/api/services/:serviceId/days/:day', (req, reply) => {
    const params = parseOr400(dayParams, req.params, reply);
    if (!params || suspendedFor(reply, params.serviceId)) return reply;
    return answer(reply, booking.slots(params.serviceId, params.day));
  });

  // A page may fetch a fresh challenge a few times per hold (a corrected form, a reload).
  app.get(
    '/api/challenge',
    limit((l) => l.holdRequestsPerAddress * 4),
    async (_req, reply) => reply.send(await booking.challenge()),
  );

  app.post(
    '/api/holds',
    limit((l) => l.holdRequestsPerAddress),
    async (req, reply) => {
      const body = parseOr400(holdRequestSchema, req.body, reply);
      if (!body || suspendedFor(reply, body.serviceId)) return reply;
      return answer(reply, await booking.hold(body, req.ip), 201, workplaceOf(body.serviceId));
    },
  );

  // GET (and the HEAD Fastify adds for it) only reads: mail scanners that follow the link change nothing.
  app.get('/api/confirmations/:token', (req, reply) => {
    const params = parseOr400(tokenParams, req.params, reply);
    return params ? answer(reply, booking.summary(params.token)) : reply;
  });

  app.post(
    '/api/confirmations/:token',
    limit(() => 60),
    async (req, reply) => {
      const params = parseOr400(tokenParams, req.params, reply);
      return params ? answer(reply, await booking.confirm(params.token)) : reply;
    },
  );

  // The form's two steps are one route, so they share one allowance per address.
  app.post(
    '/api/cancellations/:step',
    limit((l) => l.cancelAttemptsPerAddress),
    async (req, reply) => {
      const params = parseOr400(cancelParams, req.params, reply);
      const body = params && parseOr400(cancelRequestSchema, req.body, reply);
      if (!params || !body) return reply;
      return answer(reply, params.step === 'preview' ? booking.cancelPreview(body.code, body.email) : await booking.cancel(body.code, body.email));
    },
  );

  // The crisis switch as a command on the server (scripts/booking.ts); the staff pages have their own route.
  app.put(
    '/api/admin/suspension',
    limit(() => 30),
    async (req, reply) => {
      if (!adminTokenAccepted(req, adminToken)) return sendRefusal(reply, 'unauthorized');
      const body = parseOr400(suspendRequestSchema, req.body, reply);
      return body ? answer(reply, await booking.suspend(body)) : reply;
    },
  );
  app.delete(
    '/api/admin/suspension',
    limit(() => 30),
    async (req, reply) => {
      if (!adminTokenAccepted(req, adminToken)) return sendRefusal(reply, 'unauthorized');
      return answer(reply, await booking.resume());
    },
  );
}
