import type { FastifyInstance } from 'fastify';
import { suspendRequestSchema } from '../../shared/contract/booking-api.ts';
import type { StaffBookings } from '../booking/staff-bookings.ts';
import { adminTokenAccepted } from './admin-token.ts';
import { parseOr400, sendRefusal } from './api-errors.ts';

const tenMinutes = 10 * 60_000;

/** The crisis switch as a command on the server (scripts/booking.ts), by the admin token; the staff pages have their own route. */
export function adminRoutes(app: FastifyInstance, bookings: StaffBookings, adminToken: string): void {
  const limit = { config: { rateLimit: { max: 30, timeWindow: tenMinutes } } };
  app.put('/api/admin/suspension', limit, async (req, reply) => {
    if (!adminTokenAccepted(req, adminToken)) return sendRefusal(reply, 'unauthorized');
    const body = parseOr400(suspendRequestSchema, req.body, reply);
    if (!body) return reply;
    const done = await bookings.suspend(body);
    return done.ok ? reply.send(done.data) : sendRefusal(reply, done.error.code, done.error.detail);
  });
  app.delete('/api/admin/suspension', limit, async (req, reply) => {
    if (!adminTokenAccepted(req, adminToken)) return sendRefusal(reply, 'unauthorized');
    const done = await bookings.resume();
    return done.ok ? reply.send(done.data) : sendRefusal(reply, done.error.code, done.error.detail);
  });
}
