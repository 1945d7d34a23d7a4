import { randomUUID } from 'node:crypto';
import { createChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import Fastify from 'fastify';
import { addDays } from '../../shared/calendar/office-calendar.ts';
import type { BookingDays, BookingSlots } from '../../shared/contract/booking-api.ts';

/**
 * The booking API's four routes of a rush answered from constants, with nothing checked, counted
 * or stored: what the rush bench measures against it is the most this machine gives any server
 * under that crowd (the load's own clients, HTTP and fastify's routing, on the same cores).
 */
const firstDay = '2026-11-23';
const days: BookingDays = { serviceId: 'x', days: Array.from({ length: 31 }, (_, k) => ({ day: addDays(firstDay, k), free: 300 })) };
const slots: BookingSlots = {
  serviceId: 'x',
  day: addDays(firstDay, 30),
  slots: Array.from({ length: 25 }, (_, k) => ({
    startsAt: Date.parse('2026-12-23T08:00:00+01:00') + k * 15 * 60_000,
    time: `${8 + Math.floor(k / 4)}:${String((k % 4) * 15).padStart(2, '0')}`,
    free: 12,
  })),
};
const challenge = await createChallenge({ algorithm: 'SHA-256', cost: 1, counter: 3, deriveKey, hmacSignatureSecret: 'ceiling', hmacKeySignatureSecret: 'ceiling' });

const app = Fastify({ bodyLimit: 16 * 1024, logger: false });
const daysJson = JSON.stringify(days);
const slotsJson = JSON.stringify(slots);
const challengeJson = JSON.stringify(challenge);
const json = 'application/json; charset=utf-8';
app.get('/api/challenge', (_req, reply) => reply.type(json).send(challengeJson));
app.get('/api/services/:serviceId/days', (_req, reply) => reply.type(json).send(daysJson));
app.get('/api/services/:serviceId/days/:day', (_req, reply) => reply.type(json).send(slotsJson));
app.post('/api/holds', (_req, reply) => reply.code(201).send({ holdId: randomUUID() }));
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
console.log(JSON.stringify({ mqttPort: 0, httpPort: typeof address === 'object' && address ? address.port : 0 }));
process.on('disconnect', () => void app.close());
