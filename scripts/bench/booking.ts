import { type Challenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import autocannon from 'autocannon';
import { kostelecOffice } from '../../shared/config/kostelec.ts';
import type { OfficeInput } from '../../shared/config/schema.ts';
import { type OfficeProcess, startOfficeProcess } from '../lib/office-process.ts';
import { emit, round } from './stats.ts';

const benchStart = Date.parse('2026-11-24T09:00:00+01:00');

/**
 * The Kostelec office with room for thousands of online bookings and per-address limits lifted
 * (every request comes from 127.0.0.1 here), so the figures measure the server, not the limits.
 */
export function startBookingOffice(dir: string): Promise<OfficeProcess> {
  const input: OfficeInput = {
    ...structuredClone(kostelecOffice),
    services: kostelecOffice.services.map((s) => ({
      ...s,
      booking: { slotMinutes: 15, placesPerSlot: 20, onlinePlaces: { mon: 500, tue: 500, wed: 500, thu: 500, fri: 500 } },
    })),
    booking: {
      proofOfWork: { minCounter: 1, maxCounter: 5 },
      limits: { pendingHoldsPerAddress: 1e6, bookingsPerAddress: 1e6, placesPerAddressPerDay: 1e6, pendingHoldsPerEmail: 1e6, holdRequestsPerAddress: 1e6, cancelAttemptsPerAddress: 1e6 },
    },
  };
  return startOfficeProcess(dir, input, benchStart);
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function report(bench: string, result: autocannon.Result, details: Record<string, string | number>): void {
  const ok = result['2xx'];
  emit({ bench, metric: 'requests-per-second', value: round(ok / result.duration, 0), unit: 'req/s', ok, non2xx: result.non2xx, errors: result.errors, ...details });
  emit({ bench, metric: 'p99', value: result.latency.p99, unit: 'ms', p50: result.latency.p50, ...details });
}

/** issue #3: availability at least 2,000 requests per second with p99 at most 25 ms. */
export async function measureAvailability(dir: string, seconds = 10, connections = 10): Promise<void> {
  const office = await startBookingOffice(dir);
  try {
    const url = `http://127.0.0.1:${office.server.httpPort}`;
    // A few hundred bookings already there, so the days are computed over real data.
    await holds(url, 300, 4);
    const days = await run({ url: `${url}/api/services/pasy/days`, connections, duration: seconds });
    report('booking-availability-days', days, { connections, bookings: 300 });
    const slots = await run({ url: `${url}/api/services/pasy/days/2026-11-25`, connections, duration: seconds });
    report('booking-availability-slots', slots, { connections, bookings: 300 });
  } finally {
    await office.stop();
  }
}

/** Holds at saturation: each one verified (proof of work), stored durably and its e-mail written before the answer. */
export async function measureHolds(dir: string, total = 1500, connections = 10): Promise<void> {
  const office = await startBookingOffice(dir);
  try {
    const url = `http://127.0.0.1:${office.server.httpPort}`;
    const result = await holds(url, total, connections);
    report('booking-hold', result, { connections, holds: total });
  } finally {
    await office.stop();
  }
}

async function holds(url: string, total: number, connections: number): Promise<autocannon.Result> {
  // Spread over the days open to booking, as real bookings are: one day's online places would run out.
  const days = ((await (await fetch(`${url}/api/services/obcanky/days`)).json()) as { days: { day: string; free: number }[] }).days.filter((d) => d.free > 0);
  const starts: number[] = [];
  for (const { day } of days) {
    const open = ((await (await fetch(`${url}/api/services/obcanky/days/${day}`)).json()) as { slots: { startsAt: number; free: number }[] }).slots;
    for (const slot of open) for (let k = 0; k < Math.min(slot.free, 10); k++) starts.push(slot.startsAt);
  }
  const bodies: string[] = [];
  // Proofs are solved before the clock starts: the browser's work is not the server's.
  for (let k = 0; k < total; k++) {
    const challenge = (await (await fetch(`${url}/api/challenge`)).json()) as Challenge;
    const solution = await solveChallenge({ challenge, deriveKey });
    const startsAt = starts[k % starts.length]!;
    bodies.push(JSON.stringify({ serviceId: 'obcanky', startsAt, name: `Klient ${k}`, email: `klient${k}@example.cz`, consent: true, language: 'cs', proof: { challenge, solution } }));
  }
  let next = 0;
  return run({
    url,
    connections,
    amount: total,
    requests: [{ method: 'POST', path: '/api/holds', headers: { 'content-type': 'application/json' }, setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
  });
}

/** The booking page as a first-time visitor's browser fetches it: the page, its script and its style sheet, compressed. */
export async function measurePageBytes(dir: string): Promise<void> {
  const office = await startBookingOffice(dir);
  try {
    const url = `http://127.0.0.1:${office.server.httpPort}`;
    const get = (path: string) => fetch(`${url}${path}`, { headers: { 'accept-encoding': 'br, gzip' } });
    const page = await get('/');
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    let total = Number(page.headers.get('content-length') ?? html.length);
    let script = 0;
    for (const path of assets) {
      const response = await get(path);
      // fetch decodes the body; the bytes on the wire are the content-length of the compressed response.
      const bytes = Number(response.headers.get('content-length'));
      await response.arrayBuffer();
      total += bytes;
      if (path.endsWith('.js')) script += bytes;
    }
    emit({ bench: 'booking-page-bytes', metric: 'transferred', value: total, unit: 'B', files: assets.length + 1, encoding: 'br' });
    emit({ bench: 'booking-page-bytes', metric: 'script', value: script, unit: 'B', limit: 30 * 1024, encoding: 'br' });
  } finally {
    await office.stop();
  }
}
