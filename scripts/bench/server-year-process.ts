import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';
import { QueueEngine } from '../../broker/engine/queue-engine.ts';
import { FileStore } from '../../broker/store/file-store.ts';
import { addDays, officeInstant } from '../../shared/calendar/office-calendar.ts';
import { ManualClock } from '../../shared/clock.ts';
import { kostelecOffice } from '../../shared/config/kostelec.ts';
import { withPublicBase } from '../../shared/config/public-address.ts';
import { officeConfigSchema } from '../../shared/config/schema.ts';

/**
 * The engine and its durable store through a year of office days, in a process of its own as the
 * server runs (bundled, plain node; server-year.ts builds and starts it): each working day
 * `perDay` walk-ins pressed in bursts, each called and served. Prints a JSON line of its memory
 * after the first working day and after every 25th (at the end of the year's last day too), then {"done"}.
 */
const [dir, perDay] = [process.argv[2]!, Number(process.argv[3] ?? 100)];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const sample = async (worked: number) => {
  // A full collection, then a moment for V8 to hand the freed pages back, as the quiet after a day gives it.
  gc();
  await new Promise((resolve) => setTimeout(resolve, 100));
  gc();
  const m = process.memoryUsage();
  const round1 = (n: number) => Math.round(n * 10) / 10;
  const mib = (n: number) => round1(n / 2 ** 20);
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name.replace('_space', ''), mib(s.space_size)]));
  // Anonymous memory is the process's own; file-backed is the node binary's pages it has run, shared and clean.
  const status = readFileSync('/proc/self/status', 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  console.log(
    JSON.stringify({
      worked,
      rss: mib(m.rss),
      rssAnon: round1(kib('RssAnon')),
      rssFile: round1(kib('RssFile')),
      heapUsed: mib(m.heapUsed),
      heapTotal: mib(m.heapTotal),
      external: mib(m.external),
      spaces,
    }),
  );
};

const config = withPublicBase(officeConfigSchema.parse(kostelecOffice), 'http://localhost:8080');
const clock = new ManualClock(officeInstant('2026-01-05', '08:30'));
const store = new FileStore(dir);
await store.start();
const engine = new QueueEngine({ config, clock, store, newToken: () => randomBytes(16).toString('base64url') });
await engine.start();
const services = ['pokladna', 'obcanky', 'pasy', 'evidence', 'vozidla', 'ridici', 'zivnosti'];
let ids = 0;
let worked = 0;
for (let d = 0; d < 365; d++) {
  const day = addDays('2026-01-05', d);
  clock.set(officeInstant(day, '08:30'));
  const burst = Array.from({ length: perDay }, (_, k) =>
    engine.kioskRequest(['vozidla', 'ridici', 'zivnosti'].includes(services[k % 7]!) ? 'kiosk-chodba' : 'kiosk-hala', {
      kind: 'walkIn',
      requestId: `year-${ids++}`,
      pressedAt: clock.now(),
      serviceId: services[k % 7]!,
    }),
  );
  const issued = (await Promise.all(burst)).filter((r) => r.ok).length;
  if (issued === 0) continue; // a weekend or a holiday
  worked += 1;
  for (let round = 0; round < perDay; round++) {
    clock.advance(60_000);
    await Promise.all(config.counters.map((c) => engine.counterCommand(c.id, { action: 'next', commandId: `year-${ids++}`, pressedAt: clock.now() })));
  }
  if (worked === 1 || worked % 25 === 0) await sample(worked);
}
if (worked % 25 !== 0) await sample(worked);
await store.stop();
console.log(JSON.stringify({ done: true, worked }));
