import { setTimeout as sleep } from 'node:timers/promises';
import { arrivals } from './opening-arrivals.ts';
import { emitOutcomes, type RushTarget } from './rush.ts';
import { citizen, client, emptyTally, proof } from './rush-crowd.ts';
import { emit, percentile, round } from './stats.ts';

/**
 * issue #17's rush as the office would meet it: `citizens` in `minutes`, arriving by `arrivals` (an
 * open loop: each comes at their time, whether the server has answered the others or not), each
 * fetching a challenge as their page opens, solving it, then the days, the slots and the hold, as
 * in rush.ts. Prints the peak rate of arrivals, the holds' p50/p99 and each visit's, overall, of those
 * who came in the first minute (the worst of it) and of those after, with what must never happen.
 */
export async function measurePacedRush(office: RushTarget, citizens = 10_000, minutes = 10, tauSeconds = 60): Promise<void> {
  const call = client(office.bases, 1_000);
  const services = office.config.services.filter((s) => s.booking).map((s) => s.id);
  const tally = emptyTally();
  const schedule = arrivals(citizens, minutes * 60_000, tauSeconds * 1000);
  const visits: { at: number; ms: number }[] = [];
  let ended = 0;
  let cpuPerHold = 0;
  let seconds = 0;
  try {
    const cpuBefore = await office.cpu();
    const started = performance.now();
    const visit = async (k: number) => {
      const at = schedule[k]!;
      try {
        await citizen(call, k, services[k % services.length]!, await proof(call, k), tally);
        visits.push({ at, ms: performance.now() - started - at });
      } catch (error) {
        // No answer at all (a connection refused or reset): a citizen lost, by why.
        const code = (error as { code?: string }).code ?? String(error);
        tally.noAnswer[code] = (tally.noAnswer[code] ?? 0) + 1;
      }
    };
    const running: Promise<void>[] = [];
    for (let k = 0; k < citizens; k++) {
      const wait = started + schedule[k]! - performance.now();
      if (wait > 1) await sleep(wait);
      running.push(visit(k));
    }
    await Promise.all(running);
    seconds = (performance.now() - started) / 1000;
    tally.reconnects = call.counts.reconnects;
    ended = office.now();
    cpuPerHold = round((1000 * ((await office.cpu()).server - cpuBefore.server)) / Math.max(1, tally.held.length), 2);
  } finally {
    await office.stop();
  }
  const bench = `${office.name}-paced`;
  const details = { citizens, minutes, tauSeconds, processes: office.bases.length };
  const firstMinute = visits.filter((v) => v.at < 60_000).map((v) => v.ms);
  const later = visits.filter((v) => v.at >= 60_000).map((v) => v.ms);
  emit({
    bench,
    metric: 'peak-arrivals',
    value: round(citizens / tauSeconds / (1 - Math.exp((-minutes * 60) / tauSeconds)), 0),
    unit: 'citizens/s',
    held: tally.held.length,
    seconds: round(seconds, 1),
    ...details,
  });
  const spread = (samples: number[]) => ({ value: round(percentile(samples, 99), 1), unit: 'ms', p50: round(percentile(samples, 50), 1) });
  emit({ bench, metric: 'hold-p99', ...spread(tally.holds), requests: tally.holds.length, target: '≤ 100', ...details });
  emit({ bench, metric: 'visit-p99', ...spread(visits.map((v) => v.ms)), ...details });
  emit({ bench, metric: 'first-minute-visit-p99', ...spread(firstMinute), visits: firstMinute.length, ...details });
  emit({ bench, metric: 'later-visit-p99', ...spread(later), visits: later.length, ...details });
  emit({ bench, metric: 'cpu-per-hold', value: cpuPerHold, unit: 'ms', ...details });
  await emitOutcomes(bench, office, tally, ended, details);
}
