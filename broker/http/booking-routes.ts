import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { cancelRequestSchema, holdRequestSchema, linkTokenSchema, rescheduleRequestSchema } from '../../shared/contract/booking-api.ts';
import type { BookingOutcome } from '../booking/booking-rules.ts';
import type { CitizenBookings } from '../booking/citizen-bookings.ts';
import { parseOr400, sendRefusal } from './api-errors.ts';

const serviceParams = z.strictObject({ serviceId: z.string().max(40) });
const dayParams = z.strictObject({ serviceId: z.string().max(40), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
const tokenParams = z.strictObject({ token: linkTokenSchema });
const cancelParams = z.strictObject({ step: z.enum(['preview', 'confirm']) });
const holdParams = z.strictObject({ holdId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) });

const tenMinutes = 10 * 60_000;

/**
 * The booking API (docs/API.md). Reads are cheap and cached; every write is rate-limited per client
 * address, by the limits of the configuration in force (`config`), read at each request. Whether a
 * service is open is the rules' to say (booking-rules.ts, openOnline); a `suspended` refusal is
 * answered with the crisis notice of the service's workplace.
 */
export function bookingRoutes(app: FastifyInstance, citizens: CitizenBookings, config: () => OfficeConfig): void {
  type Limits = OfficeConfig['booking']['limits'];
  const workplaceOf = (serviceId?: string) => config().services.find((s) => s.id === serviceId)?.workplaceId;
  const answer = <T>(reply: FastifyReply, outcome: BookingOutcome<T>, status = 200, serviceId?: string) =>
    outcome.ok
      ? reply.code(status).send(outcome.data)
      : sendRefusal(reply, outcome.error.code, outcome.error.detail, outcome.error.code === 'suspended' ? citizens.suspensionNotice(workplaceOf(serviceId)) : undefined);
  const limit = (max: (limits: Limits) => number) => ({ config: { rateLimit: { max: () => max(config().booking.limits), timeWindow: tenMinutes } } });

  app.get('/api/office', (_req, reply) => reply.send(citizens.info()));

  app.get('/api/services/:serviceId/days', (req, reply) => {
    const params = parseOr400(serviceParams, req.params, reply);
    return params ? answer(reply, citizens.days(params.serviceId), 200, params.serviceId) : reply;
  });

  app.get('/api/services/:serviceId/days/:day', (req, reply) => {
    const params = parseOr400(dayParams, req.params, reply);
    return params ? answer(reply, citizens.slots(params.serviceId, params.day), 200, params.serviceId) : reply;
  });

  // A page may fetch a fresh challenge a few times per hold (a corrected form, a reload).
  app.get(
    '/api/challenge',
    limit((l) => l.holdRequestsPerAddress * 4),
    async (_req, reply) => reply.send(await citizens.challenge()),
  );

  app.post(
    '/api/holds',
    limit((l) => l.holdRequestsPerAddress),
    async (req, reply) => {
      const body = parseOr400(holdRequestSchema, req.body, reply);
      return body ? answer(reply, await citizens.hold(body, req.ip), 201, body.serviceId) : reply;
    },
  );

  app.post(
    '/api/holds/:holdId/resend',
    limit((l) => l.holdRequestsPerAddress),
    async (req, reply) => {
      const params = parseOr400(holdParams, req.params, reply);
      return params ? answer(reply, await citizens.resendLink(params.holdId)) : reply;
    },
  );

  // GET (and the HEAD Fastify adds for it) only reads: mail scanners that follow the link change nothing.
  app.get('/api/confirmations/:token', (req, reply) => {
    const params = parseOr400(tokenParams, req.params, reply);
    return params ? answer(reply, citizens.summary(params.token)) : reply;
  });

  app.post(
    '/api/confirmations/:token',
    limit(() => 60),
    async (req, reply) => {
      const params = parseOr400(tokenParams, req.params, reply);
      return params ? answer(reply, await citizens.confirm(params.token)) : reply;
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
      return answer(reply, params.step === 'preview' ? citizens.cancelPreview(body.code, body.email) : await citizens.cancel(body.code, body.email));
    },
  );

  // Code and e-mail again: the same allowance per address as the cancellation form, which finds the booking first.
  app.post(
    '/api/reschedule',
    limit((l) => l.cancelAttemptsPerAddress),
    async (req, reply) => {
      const body = parseOr400(rescheduleRequestSchema, req.body, reply);
      return body ? answer(reply, await citizens.reschedule(body.code, body.email, body.startsAt)) : reply;
    },
  );
}
