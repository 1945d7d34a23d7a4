import { Agent, request } from 'node:http';
import { type Challenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { BookingDays, BookingSlots } from '../../shared/contract/booking-api.ts';

/** The rush's citizens, as their browsers talk to the booking API: rush.ts sends them at once, rush-paced.ts as they arrive. */

interface Answer<T> {
  status: number;
  body: T;
}

/**
 * Keep-alive connections, as browsers hold them, from 250 loopback addresses (127.0.0.1–250): the
 * server counts its per-address limits over many households, not one, as in a real town. A request
 * on a kept connection that the server closed as it was sent (its keep-alive timeout ran out) goes
 * again on a new one, as a browser sends it; `reconnects` counts those.
 */
export function client(bases: readonly string[], connections: number) {
  const agents = Array.from({ length: 250 }, () => new Agent({ keepAlive: true, maxSockets: Math.ceil(connections / 250) * bases.length + 1 }));
  const servers = bases.map((base) => new URL(base));
  const counts = { reconnects: 0 };
  let turn = 0;
  const send = <T>(method: 'GET' | 'POST', path: string, payload: string | undefined, household: number, server: URL): Promise<Answer<T>> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          agent: agents[household],
          localAddress: `127.0.0.${household + 1}`,
          hostname: server.hostname,
          port: server.port,
          method,
          path: `${server.pathname.replace(/\/$/, '')}${path}`,
          headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') as T }));
          res.on('error', reject);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (!req.reusedSocket || error.code !== 'ECONNRESET') return reject(error);
        counts.reconnects++;
        send<T>(method, path, payload, household, server).then(resolve, reject);
      });
      req.end(payload);
    });
  const call = <T>(method: 'GET' | 'POST', path: string, body?: unknown, from = 0): Promise<Answer<T>> =>
    // Each request to the next server, as a round-robin load balancer spreads them.
    send<T>(method, path, body === undefined ? undefined : JSON.stringify(body), from % agents.length, servers[turn++ % servers.length]!);
  return Object.assign(call, { counts });
}

export type Call = ReturnType<typeof client>;

export interface Tally {
  holds: number[];
  /** The ids of the holds answered 201: each must be in the durable data. */
  held: string[];
  lostRace: number;
  noPlace: number;
  /** Twenty tries without a hold: a citizen a real rush would have lost. */
  gaveUp: number;
  serverErrors: number;
  other: Record<number, number>;
  /** Visits cut off without an answer, by the error's code (ECONNRESET, say). */
  noAnswer: Record<string, number>;
  /** Requests sent again on a new connection (the client's `counts`), read at the end. */
  reconnects: number;
}

export async function proof(call: Call, from: number): Promise<{ challenge: Challenge; solution: unknown }> {
  const challenge = (await call<Challenge>('GET', '/api/challenge', undefined, from)).body;
  return { challenge, solution: await solveChallenge({ challenge, deriveKey }) };
}

/**
 * One citizen: the newest day of the service with a free place (the day that just opened, while
 * it lasts), a free time on it at random, the hold; a time taken meanwhile means looking again,
 * with a new proof (the old one was spent), as the page does, which offers that time no more; a
 * day found with no time left means the next newest, as a person would choose.
 */
export async function citizen(call: Call, k: number, serviceId: string, firstProof: Awaited<ReturnType<typeof proof>>, tally: Tally): Promise<void> {
  let spent = firstProof;
  const taken = new Set<number>();
  // Days found without a free time, though the list (a few seconds old at the hub) called them free.
  const full = new Set<string>();
  for (let attempt = 0; attempt < 20; attempt++) {
    const days = await call<BookingDays>('GET', `/api/services/${serviceId}/days`, undefined, k);
    const day = days.body.days.findLast((d) => d.free > 0 && !full.has(d.day));
    if (!day) {
      tally.noPlace++;
      return;
    }
    const slots = (await call<BookingSlots>('GET', `/api/services/${serviceId}/days/${day.day}`, undefined, k)).body.slots.filter((s) => !taken.has(s.startsAt));
    if (slots.length === 0) {
      full.add(day.day);
      continue;
    }
    const slot = slots[Math.floor(Math.random() * slots.length)]!;
    const started = performance.now();
    const held = await call<{ holdId?: string; error?: { code: string } }>(
      'POST',
      '/api/holds',
      {
        serviceId,
        startsAt: slot.startsAt,
        name: `Občan ${k}`,
        email: `obcan${k}@example.cz`,
        consent: true,
        language: 'cs',
        proof: spent,
      },
      k,
    );
    tally.holds.push(performance.now() - started);
    if (held.status === 201) {
      tally.held.push(held.body.holdId!);
      return;
    }
    if (held.status >= 500) tally.serverErrors++;
    else if (held.body.error?.code === 'slotUnavailable') {
      tally.lostRace++;
      taken.add(slot.startsAt);
    } else tally.other[held.status] = (tally.other[held.status] ?? 0) + 1;
    spent = await proof(call, k);
  }
  tally.gaveUp++;
}

export const emptyTally = (): Tally => ({ holds: [], held: [], lostRace: 0, noPlace: 0, gaveUp: 0, serverErrors: 0, other: {}, noAnswer: {}, reconnects: 0 });
