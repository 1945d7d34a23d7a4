import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Booking } from '../../broker/booking/booking-state.ts';
import { freshDay, type TicketRecord } from '../../broker/engine/day-state.ts';
import { aggregateDay, type DayAggregate } from '../../broker/statistics/day-aggregate.ts';
import { addDays, closedAllDay, officeInstant } from '../../shared/calendar/office-calendar.ts';
import { kostelecOffice } from '../../shared/config/kostelec.ts';
import { officeConfigSchema } from '../../shared/config/schema.ts';
import { staffClient } from '../../test/support/staff-client.ts';
import { adminRequest } from '../lib/admin-client.ts';
import { startOfficeProcess } from '../lib/office-process.ts';
import { seeded } from '../simulate/random.ts';
import { emit, latencyFigures, percentile, round } from './stats.ts';

const year = 2025;

/**
 * A year of office days as the statistics keep them: every working day of 2025, each service with
 * 40–160 tickets spread over the hours (busy mornings), waits and service times drawn, 5 % no-shows,
 * and bookings. Made directly as days (not pressed through the engine, which would take minutes);
 * the aggregates are computed by the server's own code.
 */
function simulatedYear(): DayAggregate[] {
  const config = officeConfigSchema.parse(kostelecOffice);
  const random = seeded(2025);
  const days: DayAggregate[] = [];
  for (let d = 0; d < 365; d++) {
    const day = addDays(`${year}-01-01`, d);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6 || closedAllDay(config, day)) continue;
    const state = freshDay(day);
    const bookings: Booking[] = [];
    for (const service of config.services) {
      const count = 40 + Math.floor(random() * 120);
      for (let k = 0; k < count; k++) {
        const issuedAt = officeInstant(day, '08:00') + Math.floor(random() ** 1.6 * 8 * 3_600_000);
        const calledAt = issuedAt + Math.floor(random() * random() * 60 * 60_000);
        const noShow = random() < 0.05;
        const number = `${service.letter}${String(k + 1).padStart(3, '0')}`;
        const ticket: TicketRecord = {
          number,
          serviceId: service.id,
          workplaceId: service.workplaceId,
          origin: 'walkIn',
          token: number,
          issuedAt,
          queuedAt: issuedAt,
          status: noShow ? 'noShow' : 'done',
          calledAt,
          calls: 1,
          ...(noShow ? {} : { finishedAt: calledAt + Math.floor((2 + random() * 20) * 60_000) }),
        };
        state.tickets[number] = ticket;
      }
      for (let k = 0; k < (service.booking ? 6 : 0); k++) {
        const status = (['checkedIn', 'checkedIn', 'checkedIn', 'lapsed', 'cancelled'] as const)[Math.floor(random() * 5)]!;
        bookings.push({
          id: `${day}-${service.id}-${k}`,
          serviceId: service.id,
          workplaceId: service.workplaceId,
          day,
          startsAt: officeInstant(day, '09:00') + k * 3_600_000,
          status,
          createdAt: 0,
          heldUntil: 0,
          confirmToken: '',
          language: 'cs',
          icsSequence: 0,
        });
      }
    }
    days.push(aggregateDay(state, bookings));
  }
  return days;
}

/** issue #6: opening the statistics for a year of history, target under 300 ms of server time. */
export async function measureStatisticsYear(dir: string, requests = 30): Promise<void> {
  const days = simulatedYear();
  const text = JSON.stringify({ days });
  await writeFile(join(dir, 'statistics.json'), text);
  const office = await startOfficeProcess(dir, kostelecOffice, Date.parse(`${year + 1}-01-05T09:00:00+01:00`));
  try {
    const base = `http://127.0.0.1:${office.server.httpPort}`;
    await adminRequest('POST', '/api/admin/staff', { username: 'bench', name: 'Benchmark', role: 'clerk', password: 'stul-lampa-okno-7' }, { dataDir: dir, base });
    const clerk = staffClient(base);
    await clerk.login('bench', 'stul-lampa-okno-7');
    const serverMs: number[] = [];
    const totalMs: number[] = [];
    for (let k = 0; k < requests; k++) {
      const started = performance.now();
      const response = await fetch(`${base}/api/staff/statistics?from=${year}-01-01&to=${year}-12-31`, { headers: { cookie: clerk.cookie } });
      await response.arrayBuffer();
      totalMs.push(performance.now() - started);
      serverMs.push(Number(/dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1]));
    }
    const details = { days: days.length, fileKiB: round(text.length / 1024, 0) };
    emit({ bench: 'statistics-year', metric: 'server_first', value: round(serverMs[0]!, 1), unit: 'ms', target: 300, ...details });
    latencyFigures('statistics-year-server', serverMs, details);
    emit({ bench: 'statistics-year', metric: 'request_p50', value: round(percentile(totalMs, 50), 1), unit: 'ms', ...details });
  } finally {
    await office.stop();
  }
}
