import { performance } from 'node:perf_hooks';
import { kostelecOffice } from '../../shared/config/kostelec.ts';
import type { OfficeInput } from '../../shared/config/schema.ts';
import { staffClient } from '../../test/support/staff-client.ts';
import { adminRequest } from '../lib/admin-client.ts';
import { startOfficeProcess } from '../lib/office-process.ts';
import { SimOffice } from '../lib/sim-office.ts';
import { latencyFigures } from './stats.ts';

const password = 'stul-lampa-okno-7';

/**
 * issue #12: from a clerk's click on Next on the workstation page (its HTTP request, on the clerk's
 * session) to the counter's LED digits and to a hall panel showing the call, with the seven clerks
 * of Kostelec clicking at the same moment, `rounds` times after `warmup`. Real server process,
 * simulated boxes and hall panels over MQTT.
 */
export async function measureWorkstation(dir: string, rounds = 40, warmup = 5): Promise<void> {
  const input: OfficeInput = { ...structuredClone(kostelecOffice), workplaces: kostelecOffice.workplaces.map((w) => ({ ...w, walkInCapacityPerDay: 10_000 })) };
  const office = await startOfficeProcess(dir, input, Date.parse('2026-11-24T09:00:00+01:00'));
  const sim = new SimOffice(office.config, office.devices, office.clock);
  try {
    await sim.start();
    const base = `http://127.0.0.1:${office.server.httpPort}`;
    const { counters } = office.config;
    const clerks = [];
    for (const counter of counters) {
      await adminRequest('POST', '/api/admin/staff', { username: `bench-${counter.number}`, name: `Úředník ${counter.number}`, role: 'clerk', password }, { dataDir: dir, base });
      const clerk = staffClient(base);
      await clerk.login(`bench-${counter.number}`, password);
      await clerk.call('PUT', '/api/staff/my-counter', { counterId: counter.id });
      clerks.push(clerk);
    }
    // Enough clients for every round at every counter: each counter's first service, pressed at its kiosk.
    for (const counter of counters) {
      const serviceId = counter.serviceIds[0]!;
      const kiosk = office.config.kiosks.find((k) => k.buttons.some((b) => b.serviceId === serviceId))!;
      const drivers = sim.kiosk(kiosk.id);
      const button = kiosk.buttons.find((b) => b.serviceId === serviceId)!.button;
      // A few more than the rounds: counters sharing services take from each other's clients.
      for (let k = 0; k < warmup + rounds + 10; k++) {
        const before = drivers.printer.printed.length;
        drivers.buttons.press(button);
        while (drivers.printer.printed.length === before) await new Promise((r) => setTimeout(r, 2));
      }
    }
    const boxes = counters.map((c) => sim.counter(c.id));
    const panels = [...sim.displays.values()].map((d) => d.panel);
    const digitSamples: number[] = [];
    const hallSamples: number[] = [];
    for (let round = 0; round < warmup + rounds; round++) {
      const before = boxes.map((b) => b.digits.text.slice(0, 4));
      const shown = boxes.map(() => 0);
      // Every panel change, kept: the hall may show a call before the box does.
      const hallShows: { at: number; lines: string[] }[] = [];
      const started = performance.now();
      const stops = [
        ...boxes.map((box, i) =>
          box.digits.onShow((text) => {
            const number = text.slice(0, 4);
            if (shown[i] || number === before[i] || number === '----') return;
            shown[i] = performance.now() - started;
          }),
        ),
        ...panels.map((panel) => panel.onShow(() => hallShows.push({ at: performance.now() - started, lines: [...panel.lines] }))),
      ];
      const calledAt = (i: number) => {
        const line = `${boxes[i]!.digits.text.slice(0, 4)} → ${counters[i]!.number}`;
        return shown[i] ? (hallShows.find((h) => h.lines.some((l) => l.startsWith(line)))?.at ?? 0) : 0;
      };
      await Promise.all(
        clerks.map((clerk) => clerk.call('POST', '/api/staff/workstation/command', { commandId: `bench-${round}-${clerk.cookie.slice(-12)}`.replace(/[^A-Za-z0-9_-]/g, 'x'), action: 'next' })),
      );
      const deadline = Date.now() + 10_000;
      let called = boxes.map((_, i) => calledAt(i));
      while ((!shown.every(Boolean) || !called.every(Boolean)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 1));
        called = boxes.map((_, i) => calledAt(i));
      }
      for (const stop of stops) stop();
      if (!shown.every(Boolean) || !called.every(Boolean)) throw new Error(`bench: round ${round}: digits ${shown.map(Boolean)}, hall ${called.map(Boolean)}`);
      if (round >= warmup) {
        digitSamples.push(...shown);
        hallSamples.push(...called);
      }
    }
    latencyFigures('click-to-digits', digitSamples, { clerks: clerks.length, target: 'p99 ≤ 50 ms' });
    latencyFigures('click-to-hall', hallSamples, { clerks: clerks.length, target: 'p99 ≤ 50 ms' });
  } finally {
    await sim.stop();
    await office.stop();
  }
}
