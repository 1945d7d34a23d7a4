import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { QueueEngine } from '../../broker/engine/queue-engine.ts';
import { FileStore } from '../../broker/store/file-store.ts';
import { addDays, officeInstant } from '../../shared/calendar/office-calendar.ts';
import { ManualClock } from '../../shared/clock.ts';
import { kostelecOffice } from '../../shared/config/kostelec.ts';
import { withPublicBase } from '../../shared/config/public-address.ts';
import { officeConfigSchema } from '../../shared/config/schema.ts';
import { emit, round } from './stats.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const mib = () => {
  gc();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss: rss / 2 ** 20, heap: heapUsed / 2 ** 20, external: external / 2 ** 20 };
};

/**
 * The engine and its durable store through a year of office days: each working day `perDay`
 * walk-ins pressed in bursts, each called and served. Memory after the first day and after the
 * last: the server keeps only today in memory, so the two should match.
 */
export async function measureServerYear(dir: string, perDay = 100): Promise<void> {
  const config = withPublicBase(officeConfigSchema.parse(kostelecOffice), 'http://localhost:8080');
  const clock = new ManualClock(officeInstant('2026-01-05', '08:30'));
  const store = new FileStore(dir);
  await store.start();
  const engine = new QueueEngine({ config, clock, store, newToken: () => randomBytes(16).toString('base64url') });
  await engine.start();
  const services = ['pokladna', 'obcanky', 'pasy', 'evidence', 'vozidla', 'ridici', 'zivnosti'];
  let ids = 0;
  let worked = 0;
  let afterFirst = { rss: 0, heap: 0, external: 0 };
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
    if (worked === 1) afterFirst = mib();
  }
  const afterYear = mib();
  await store.stop();
  emit({ bench: 'server-year', metric: 'heap_after_first_day', value: round(afterFirst.heap, 1), unit: 'MiB', ticketsPerDay: perDay });
  emit({ bench: 'server-year', metric: 'heap_after_365_days', value: round(afterYear.heap, 1), unit: 'MiB', workingDays: worked });
  emit({ bench: 'server-year', metric: 'external_after_first_day', value: round(afterFirst.external, 1), unit: 'MiB' });
  emit({ bench: 'server-year', metric: 'external_after_365_days', value: round(afterYear.external, 1), unit: 'MiB' });
  emit({ bench: 'server-year', metric: 'rss_after_first_day', value: round(afterFirst.rss, 1), unit: 'MiB' });
  emit({ bench: 'server-year', metric: 'rss_after_365_days', value: round(afterYear.rss, 1), unit: 'MiB' });
}
