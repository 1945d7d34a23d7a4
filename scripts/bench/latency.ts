import { performance } from 'node:perf_hooks';
import { SimOffice } from '../lib/sim-office.ts';
import type { BenchOffice } from './bench-office.ts';
import { latencyFigures } from './stats.ts';

const waitFor = (what: string, check: () => boolean, timeoutMs = 10_000) =>
  new Promise<void>((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const poll = () => (check() ? resolve() : Date.now() > deadline ? reject(new Error(`bench: no ${what}`)) : setTimeout(poll, 1));
    poll();
  });

/**
 * Resolves when `count` samples have arrived. The samples are taken in the drivers' own callbacks;
 * waiting for them by polling with setImmediate kept this process spinning a whole CPU, which on a
 * 2-vCPU machine the server process then had to share.
 */
function arrivals(count: number, what: string, timeoutMs = 10_000) {
  let left = count;
  let done!: () => void;
  const all = new Promise<void>((resolve, reject) => {
    done = resolve;
    setTimeout(() => reject(new Error(`bench: no ${what}`)), timeoutMs).unref();
  });
  return { arrived: () => --left === 0 && done(), all };
}

/**
 * Every kiosk presses at once, `rounds` times: from the simulated button press to the first byte of
 * the ticket reaching the printer driver (engine, durable write and two broker hops included). Then
 * every counter presses Next at once: from the press to the counter's digits showing the new number.
 * The first `warmup` rounds (JIT compilation, first connections) are not counted.
 */
export async function measureLatencies(office: BenchOffice, rounds: number, warmup = 5): Promise<void> {
  const sim = new SimOffice(office.config, office.devices, office.clock);
  await sim.start();
  try {
    const kiosks = [...sim.kiosks.values()];
    await waitFor('lit buttons', () => kiosks.every((k) => k.buttons.lights.get(1) === true));
    const printSamples: number[] = [];
    for (let round = 0; round < warmup + rounds; round++) {
      const printed = kiosks.map(() => 0);
      const tickets = arrivals(kiosks.length, 'tickets');
      const started = performance.now();
      kiosks.forEach((k, i) => {
        k.printer.onPrint(() => {
          if (printed[i]) return;
          printed[i] = performance.now() - started;
          tickets.arrived();
        });
        k.buttons.press(1 + (round % 7));
      });
      await tickets.all;
      if (round >= warmup) printSamples.push(...printed);
      // The kiosk shows the printed ticket for a while; a citizen does not press again within 5 ms.
      await new Promise((r) => setTimeout(r, 5));
      for (const k of kiosks) await k.printer.stop();
    }
    latencyFigures('press-to-print', printSamples, { kiosks: kiosks.length });

    const counters = [...sim.counters.values()];
    await waitFor('counter states', () => counters.every((c) => c.digits.text.startsWith('----')));
    const nextSamples: number[] = [];
    for (let round = 0; round < warmup + rounds; round++) {
      const before = counters.map((c) => c.digits.text.slice(0, 4));
      const shown = counters.map(() => 0);
      const calls = arrivals(counters.length, 'digits');
      const started = performance.now();
      counters.forEach((c, i) => {
        c.digits.onShow((text) => {
          if (shown[i] || text.slice(0, 4) === before[i] || text.slice(0, 4) === '----') return;
          shown[i] = performance.now() - started;
          calls.arrived();
        });
        c.buttons.press(1);
      });
      await calls.all;
      if (round >= warmup) nextSamples.push(...shown);
      for (const c of counters) await c.digits.stop();
    }
    latencyFigures('next-to-display', nextSamples, { counters: counters.length });
  } finally {
    await sim.stop();
  }
}
