import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { freshDay } from '../../broker/engine/day-state.ts';
import { QueueEngine } from '../../broker/engine/queue-engine.ts';
import { FileStore } from '../../broker/store/file-store.ts';
import { addDays } from '../../shared/calendar/office-calendar.ts';
import { ManualClock } from '../../shared/clock.ts';
import { kostelecOffice } from '../../shared/config/kostelec.ts';
import { withPublicBase } from '../../shared/config/public-address.ts';
import { officeConfigSchema } from '../../shared/config/schema.ts';
import { tempDir } from '../../test/support/temp-dir.ts';
import { emit, percentile, round } from './stats.ts';

const day = '2026-11-24';
const nine = Date.parse(`${day}T09:00:00+01:00`);

/** A finished day of the size Kostelec fills: its full walk-in capacity of tickets. */
function pastDay(date: string, tickets: number) {
  const state = freshDay(date);
  for (let k = 1; k <= tickets; k++) {
    const number = `C${String(k).padStart(3, '0')}`;
    state.tickets[number] = {
      number,
      serviceId: 'pasy',
      workplaceId: 'spravni',
      origin: 'walkIn',
      token: randomBytes(16).toString('base64url'),
      issuedAt: nine,
      queuedAt: nine,
      status: 'done',
      calls: 1,
      calledAt: nine,
      finishedAt: nine,
      counterId: 'prepazka-2',
    };
  }
  return state;
}

/** Median cost of one durable ticket write (press, rule, journal append, fsync) with `historyDays` behind it. */
async function pressCost(historyDays: number, presses: number): Promise<number> {
  const dir = await tempDir();
  try {
    const store = new FileStore(dir.path);
    await store.start();
    for (let k = historyDays; k >= 1; k--) await store.archiveDay(pastDay(addDays(day, -k), 370));
    const config = withPublicBase(officeConfigSchema.parse({ ...kostelecOffice, workplaces: kostelecOffice.workplaces.map((w) => ({ ...w, walkInCapacityPerDay: 10_000 })) }), 'http://localhost:8080');
    const clock = new ManualClock(nine);
    const engine = new QueueEngine({ config, clock, store, newToken: () => randomBytes(16).toString('base64url') });
    await engine.start();
    const samples: number[] = [];
    for (let k = 0; k < presses; k++) {
      const started = performance.now();
      const reply = await engine.kioskRequest('kiosk-hala', { kind: 'walkIn', requestId: `cost-${historyDays}-${k}`, pressedAt: clock.now(), serviceId: 'pasy' });
      samples.push(performance.now() - started);
      if (!reply.ok) throw new Error(`bench: refused ${reply.error.code}`);
      clock.advance(1000);
    }
    await store.stop();
    return percentile(samples, 50);
  } finally {
    await dir.remove();
  }
}

/**
 * The cost of one ticket write after one day and after a year of history, measured in one run so
 * the ratio compares like with like (issue #7's target: at most 1.25).
 */
export async function measureWriteCost(presses = 400): Promise<void> {
  const oneDay = await pressCost(1, presses);
  const oneYear = await pressCost(365, presses);
  emit({ bench: 'ticket-write', metric: 'p50_history_1_day', value: round(oneDay), unit: 'ms', presses });
  emit({ bench: 'ticket-write', metric: 'p50_history_365_days', value: round(oneYear), unit: 'ms', presses });
  emit({ bench: 'ticket-write', metric: 'ratio_365_to_1', value: round(oneYear / oneDay, 2), unit: 'x', presses });
}
