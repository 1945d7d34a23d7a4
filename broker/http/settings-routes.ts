import type { FastifyInstance } from 'fastify';
import type { FieldIssue } from '../../shared/contract/booking-api.ts';
import { settingsChangeRequestSchema, settingsPreviewRequestSchema } from '../../shared/contract/staff-api.ts';
import type { QueueEngine } from '../engine/queue-engine.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { bookingRows } from '../staff/booking-rows.ts';
import type { Sessions } from '../staff/sessions.ts';
import { parseOr400, sendRefusal } from './api-errors.ts';
import { staffAccess } from './staff-guard.ts';

/** A whole office's configuration is a few kilobytes; a large office's well under this. */
const settingsBodyLimit = 256 * 1024;

/** The configuration's problems by their path in the request body, which holds it under `config`. */
const inBody = (issues: FieldIssue[] | undefined) => issues?.map((i) => ({ ...i, path: ['config', ...i.path] }));

/** The office administrator's settings (docs/API.md, "Settings"); read-only in hub mode. */
export function settingsRoutes(app: FastifyInstance, deps: { service: SettingsService; engine: QueueEngine; sessions: Sessions; atHub?: boolean }): void {
  const admin = { ...staffAccess(deps.sessions, 'admin'), bodyLimit: settingsBodyLimit };
  const rows = (bookings: Parameters<typeof bookingRows>[0]) => bookingRows(bookings, deps.engine.dayState().checkedIn, (number) => deps.engine.todaysTicket(number));

  app.get('/api/staff/settings', admin, (_req, reply) => reply.send({ config: deps.service.stored() }));

  app.post('/api/staff/settings/preview', admin, (req, reply) => {
    const body = parseOr400(settingsPreviewRequestSchema, req.body, reply);
    if (!body) return reply;
    const checked = deps.service.preview(body.config);
    return checked.ok ? reply.send({ affected: rows(checked.data.affected) }) : sendRefusal(reply, checked.error.code, checked.error.errors.join('; '), null, inBody(checked.error.issues));
  });

  app.put('/api/staff/settings', admin, async (req, reply) => {
    const body = parseOr400(settingsChangeRequestSchema, req.body, reply);
    if (!body) return reply;
    // In hub mode the hub's configuration is the office's: a change made here would be undone by the next.
    if (deps.atHub) return sendRefusal(reply, 'settingsAtHub');
    const done = await deps.service.apply(body.config, body.cancelAffected, body.notice);
    return done.ok ? reply.send(done.data) : sendRefusal(reply, done.error.code, done.error.errors.join('; '), null, inBody(done.error.issues));
  });
}
