import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type BookingSlots, serviceParamsSchema } from '../../shared/contract/booking-api.ts';
import { dayQuerySchema, type PhoneBookingRequest, phoneBookingRequestSchema, type StaffBookingRow } from '../../shared/contract/staff-api.ts';
import type { BookingOutcome } from '../booking/booking-rules.ts';
import type { Booking } from '../booking/booking-state.ts';
import { parseOr400, sendRefusal } from './api-errors.ts';
import { sessionOf, type staffAccess } from './staff-guard.ts';

/** Booking a caller: an office server's bookings (staff-bookings.ts) or an office's at the hub (hub/hub-desk.ts), by the same rule. */
export interface CallerDesk {
  staffSlots(serviceId: string, day: string): BookingOutcome<BookingSlots> | Promise<BookingOutcome<BookingSlots>>;
  bookForCaller(request: PhoneBookingRequest, bookedBy: string): Promise<BookingOutcome<Readonly<Booking>>>;
}

/**
 * The staff's phone form (docs/API.md, "Staff"): the free times staff may book on a day, and the
 * booking, answered with its row of the day's list (`rowsOf`, as the place lists its bookings).
 */
export function callerRoutes(
  app: FastifyInstance,
  clerk: ReturnType<typeof staffAccess>,
  deskOf: (req: FastifyRequest) => CallerDesk,
  rowsOf: (req: FastifyRequest, day: string) => StaffBookingRow[] | Promise<StaffBookingRow[]>,
): void {
  app.get('/api/staff/services/:serviceId/slots', clerk, async (req, reply) => {
    const params = parseOr400(serviceParamsSchema, req.params, reply);
    const query = params && parseOr400(dayQuerySchema, req.query, reply);
    if (!params || !query) return reply;
    const slots = await deskOf(req).staffSlots(params.serviceId, query.day);
    return slots.ok ? reply.send(slots.data) : sendRefusal(reply, slots.error.code, slots.error.detail);
  });

  app.post('/api/staff/bookings', clerk, async (req, reply) => {
    const body = parseOr400(phoneBookingRequestSchema, req.body, reply);
    if (!body) return reply;
    const booked = await deskOf(req).bookForCaller(body, sessionOf(req).account.username);
    if (!booked.ok) return sendRefusal(reply, booked.error.code, booked.error.detail);
    return reply.code(201).send((await rowsOf(req, booked.data.day)).find((r) => r.id === booked.data.id));
  });
}
