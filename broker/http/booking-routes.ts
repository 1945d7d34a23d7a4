import type { Challenge } from 'altcha-lib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import {
  type BookingDays,
  type BookingSlots,
  type BookingSummary,
  type CancelPreview,
  type ConfirmReply,
  cancelRequestSchema,
  type HoldReply,
  type HoldRequest,
  holdRequestSchema,
  linkTokenSchema,
  type OfficeInfo,
  type ResendReply,
  rescheduleRequestSchema,
  type SuspensionNotice,
  serviceParamsSchema,
} from '../../shared/contract/booking-api.ts';
import type { BookingOutcome } from '../booking/booking-rules.ts';
import { parseOr400, sendRefusal } from './api-errors.ts';

const dayParams = z.strictObject({ serviceId: z.string().max(40), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
const tokenParams = z.strictObject({ token: linkTokenSchema });
const cancelParams = z.strictObject({ step: z.enum(['preview', 'confirm']) });
const holdParams = z.strictObject({ holdId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) });

const tenMinutes = 10 * 60_000;

type Answer<T> = BookingOutcome<T> | Promise<BookingOutcome<T>>;

/**
 * What the booking site asks, for one office: an office server answers from its own bookings
 * (citizen-bookings.ts), the hub from PostgreSQL (hub/hub-desk.ts), by the same rules.
 */
export interface CitizenDesk {
  info(): OfficeInfo | Promise<OfficeInfo>;
  suspensionNotice(workplaceId?: string): SuspensionNotice | null | Promise<SuspensionNotice | null>;
  days(serviceId: string): Answer<BookingDays>;
  slots(serviceId: string, day: string): Answer<BookingSlots>;
  challenge(): Promise<Challenge>;
  hold(request: HoldRequest, clientAddress: string): Answer<HoldReply>;
  resendLink(holdId: string): Answer<ResendReply>;
  summary(token: string): Answer<BookingSummary>;
  confirm(token: string): Answer<ConfirmReply>;
  cancelPreview(code: string, email: string): Answer<CancelPreview>;
  cancel(code: string, email: string): Answer<CancelPreview>;
  reschedule(code: string, email: string, startsAt: number): Answer<CancelPreview>;
}

/**
 * The booking API (docs/API.md), of the request's office (at the hub, the one in its address). Reads
 * are cheap and cached; every write is rate-limited per client address, by the limits of the
 * configuration in force, read at each request. Whether a
 * service is open is the rules' to say (booking-rules.ts, openOnline); a `suspended` refusal is
 * answered with the crisis notice of the service's workplace.
 */
export function bookingRoutes(app: FastifyInstance, deskOf: (req: FastifyRequest) => CitizenDesk, configOf: (req: FastifyRequest) => OfficeConfig): void {
  type Limits = OfficeConfig['booking']['limits'];
  const answer = async <T>(req: FastifyRequest, reply: FastifyReply, pending: Answer<T>, status = 200, serviceId?: string) => {
    const outcome = await pending;
    if (outcome.ok) return reply.code(status).send(outcome.data);
    const workplaceId = configOf(req).services.find((s) => s.id === serviceId)?.workplaceId;
    return sendRefusal(reply, outcome.error.code, outcome.error.detail, outcome.error.code === 'suspended' ? await deskOf(req).suspensionNotice(workplaceId) : undefined);
  };
  const limit = (max: (limits: Limits) => number) => ({ config: { rateLimit: { max: (req: FastifyRequest) => max(configOf(req).booking.limits), timeWindow: tenMinutes } } });

  app.get('/api/office', async (req, reply) => reply.send(await deskOf(req).info()));

  app.get('/api/services/:serviceId/days', async (req, reply) => {
    const params = parseOr400(serviceParamsSchema, req.params, reply);
    return params ? answer(req, reply, deskOf(req).days(params.serviceId), 200, params.serviceId) : reply;
  });

  app.get('/api/services/:serviceId/days/:day', async (req, reply) => {
    const params = parseOr400(dayParams, req.params, reply);
    return params ? answer(req, reply, deskOf(req).slots(params.serviceId, params.day), 200, params.serviceId) : reply;
  });

  // A page may fetch a fresh challenge a few times per hold (a corrected form, a reload).
  app.get(
    '/api/challenge',
    limit((l) => l.holdRequestsPerAddress * 4),
    async (req, reply) => reply.send(await deskOf(req).challenge()),
  );

  app.post(
    '/api/holds',
    limit((l) => l.holdRequestsPerAddress),
    async (req, reply) => {
      const body = parseOr400(holdRequestSchema, req.body, reply);
      return body ? answer(req, reply, deskOf(req).hold(body, req.ip), 201, body.serviceId) : reply;
    },
  );

  app.post(
    '/api/holds/:holdId/resend',
    limit((l) => l.holdRequestsPerAddress),
    async (req, reply) => {
      const params = parseOr400(holdParams, req.params, reply);
      return params ? answer(req, reply, deskOf(req).resendLink(params.holdId)) : reply;
    },
  );

  // GET (and the HEAD Fastify adds for it) only reads: mail scanners that follow the link change nothing.
  app.get('/api/confirmations/:token', async (req, reply) => {
    const params = parseOr400(tokenParams, req.params, reply);
    return params ? answer(req, reply, deskOf(req).summary(params.token)) : reply;
  });

  app.post(
    '/api/confirmations/:token',
    limit(() => 60),
    async (req, reply) => {
      const params = parseOr400(tokenParams, req.params, reply);
      return params ? answer(req, reply, deskOf(req).confirm(params.token)) : reply;
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
      const desk = deskOf(req);
      return answer(req, reply, params.step === 'preview' ? desk.cancelPreview(body.code, body.email) : desk.cancel(body.code, body.email));
    },
  );

  // Code and e-mail again: the same allowance per address as the cancellation form, which finds the booking first.
  app.post(
    '/api/reschedule',
    limit((l) => l.cancelAttemptsPerAddress),
    async (req, reply) => {
      const body = parseOr400(rescheduleRequestSchema, req.body, reply);
      return body ? answer(req, reply, deskOf(req).reschedule(body.code, body.email, body.startsAt)) : reply;
    },
  );
}
