import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../shared/clock.ts';
import { type CounterCommand, clerkCommandSchema } from '../../shared/contract/counter.ts';
import type { StaffBookings } from '../booking/staff-bookings.ts';
import type { QueueEngine } from '../engine/queue-engine.ts';
import type { Session, Sessions } from '../staff/sessions.ts';
import { workstation } from '../staff/workstation.ts';
import { parseOr400, sendRefusal } from './api-errors.ts';
import { sessionOf, staffAccess } from './staff-guard.ts';

export interface WorkstationDeps {
  engine: QueueEngine;
  bookings: StaffBookings;
  sessions: Sessions;
  clock: Clock;
}

/**
 * The clerk's workstation: the page and the box are two front ends of one counter. The page acts
 * for the counter its session sits at (PUT /api/staff/my-counter), never another; its commands go to
 * the engine exactly as the box's do, stamped here with the instant and the clerk.
 */
export function workstationRoutes(app: FastifyInstance, { engine, bookings, sessions, clock }: WorkstationDeps): void {
  const clerk = staffAccess(sessions);
  const seated = (req: FastifyRequest, reply: FastifyReply): (Session & { counterId: string }) | undefined => {
    const session = sessionOf(req);
    if (session.counterId !== null) return session as Session & { counterId: string };
    sendRefusal(reply, 'notSeated', 'choose your counter first (PUT /api/staff/my-counter)');
    return undefined;
  };

  app.get('/api/staff/workstation', clerk, (req, reply) => {
    const session = seated(req, reply);
    if (!session) return reply;
    const now = clock.now();
    const today = bookings.dayBookings(engine.currentDay());
    return reply.send(
      workstation({
        config: engine.config,
        state: engine.dayState(),
        counterId: session.counterId,
        now,
        upNext: engine.upNext(session.counterId, now),
        booking: (id) => today.find((b) => b.id === id),
        todaysBookings: today,
      }),
    );
  });

  app.post('/api/staff/workstation/command', clerk, async (req, reply) => {
    const body = parseOr400(clerkCommandSchema, req.body, reply);
    const session = body && seated(req, reply);
    if (!body || !session) return reply;
    const command = { ...body, pressedAt: clock.now() } as CounterCommand;
    const answer = await engine.counterCommand(session.counterId, command, session.account.username);
    // The engine's own refusal codes (queueEmpty, notWaiting …), as the box would get them.
    return answer.ok ? reply.code(204).send() : reply.code(answer.error.code === 'storageFailed' ? 503 : 409).send({ error: answer.error });
  });
}
