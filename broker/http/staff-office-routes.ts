import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../shared/clock.ts';
import { suspendRequestSchema } from '../../shared/contract/booking-api.ts';
import { bookingParamsSchema, dayQuerySchema, staffCancelRequestSchema } from '../../shared/contract/staff-api.ts';
import type { StaffBookings } from '../booking/staff-bookings.ts';
import type { QueueEngine } from '../engine/queue-engine.ts';
import type { DeviceHealthBoard } from '../mqtt/device-health-board.ts';
import { bookingRows, bookingsCsv } from '../staff/booking-rows.ts';
import { dashboard } from '../staff/dashboard.ts';
import type { Sessions } from '../staff/sessions.ts';
import { parseOr400, sendRefusal } from './api-errors.ts';
import { callerRoutes } from './caller-routes.ts';
import { staffAccess } from './staff-guard.ts';
import { csvReply } from './statistics-routes.ts';

export interface StaffOfficeDeps {
  bookings: StaffBookings;
  engine: QueueEngine;
  board: DeviceHealthBoard;
  sessions: Sessions;
  clock: Clock;
}

/** Running the office: the live dashboard, a day's bookings, booking for a caller, cancelling, the crisis switch. */
export function staffOfficeRoutes(app: FastifyInstance, { bookings: booking, engine, board, sessions, clock }: StaffOfficeDeps): void {
  const clerk = staffAccess(sessions);
  const admin = staffAccess(sessions, 'admin');
  // The check-ins as the engine's journal records them, the one record that counts.
  const rowsOf = (day: string) => bookingRows(booking.dayBookings(day), engine.dayState().checkedIn, (number) => engine.todaysTicket(number));

  app.get('/api/staff/dashboard', clerk, (_req, reply) => {
    return reply.send(
      dashboard({
        config: engine.config,
        now: clock.now(),
        services: engine.serviceStatuses(),
        counters: engine.counterStates(),
        condition: (id) => board.of(id),
        queue: (id) => engine.waiting(id),
        upNext: (id) => engine.upNext(id),
        profile: (id) => engine.dayState().counters[id]?.profile ?? null,
        mailFailing: booking.failingMails(),
        smsFailing: booking.failingSms(),
        clerks: sessions.seated().map((s) => ({ counterId: s.counterId, name: s.account.name })),
      }),
    );
  });

  app.get('/api/staff/bookings', clerk, (req, reply) => {
    const query = parseOr400(dayQuerySchema, req.query, reply);
    return query ? reply.send({ day: query.day, bookings: rowsOf(query.day) }) : reply;
  });

  app.get('/api/staff/bookings.csv', clerk, (req, reply) => {
    const query = parseOr400(dayQuerySchema, req.query, reply);
    if (!query) return reply;
    return csvReply(reply, `rezervace-${query.day}.csv`).send(bookingsCsv(engine.config, rowsOf(query.day)));
  });

  callerRoutes(
    app,
    clerk,
    () => booking,
    (_req, day) => rowsOf(day),
  );

  app.post('/api/staff/bookings/:bookingId/cancel', clerk, async (req, reply) => {
    const params = parseOr400(bookingParamsSchema, req.params, reply);
    const body = params && parseOr400(staffCancelRequestSchema, req.body, reply);
    if (!params || !body) return reply;
    const cancelled = await booking.cancelById(params.bookingId, body.notify);
    return cancelled.ok ? reply.code(204).send() : sendRefusal(reply, cancelled.error.code, cancelled.error.detail);
  });

  app.put('/api/staff/suspension', admin, async (req, reply) => {
    const body = parseOr400(suspendRequestSchema, req.body, reply);
    if (!body) return reply;
    const done = await booking.suspend(body);
    return done.ok ? reply.send(done.data) : sendRefusal(reply, done.error.code, done.error.detail);
  });

  app.delete('/api/staff/suspension', admin, async (_req, reply) => {
    const done = await booking.resume();
    return done.ok ? reply.code(204).send() : sendRefusal(reply, done.error.code, done.error.detail);
  });
}
