import { performance } from 'node:perf_hooks';
import { connectAsDevice } from '../lib/device-client.ts';
import { SimOffice } from '../lib/sim-office.ts';
import type { FaultOffice } from './fault-office.ts';

export interface BrokerAwayReport {
  awaySeconds: number;
  /** Longest time any device took to be back to normal after the server returned. */
  recoveryMs: number;
  printedWhileAway: number;
  saidOutOfService: boolean;
  ticketsAfter: number;
  /** What the server holds afterwards: every waiting ticket, and the calls made. */
  waitingAfter: number;
  callsAfter: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The server's retained views as a hall display reads them: people waiting in all, and calls made. */
async function serverView(office: FaultOffice): Promise<{ waiting: number; calls: number }> {
  const display = office.devices.find((d) => office.config.displays.some((x) => x.id === d.deviceId))!;
  const client = await connectAsDevice(display, 'check');
  const statuses = new Map<string, number>();
  let calls = -1;
  client.on('message', (topic, payload) => {
    const message = JSON.parse(payload.toString()) as { waiting?: number; calls?: unknown[] };
    if (topic.endsWith('/status')) statuses.set(topic, message.waiting ?? 0);
    else calls = message.calls?.length ?? 0;
  });
  await client.subscribeAsync(['fronta/v1/service/+/status', 'fronta/v1/hall/calls'], { qos: 1 });
  const deadline = Date.now() + 3000;
  while ((statuses.size < office.config.services.length || calls < 0) && Date.now() < deadline) await pause(20);
  await client.endAsync();
  return { waiting: [...statuses.values()].reduce((a, b) => a + b, 0), calls };
}

/**
 * The office server away for `awaySeconds` while every device keeps running and citizens keep
 * pressing: nothing may print, every kiosk must say it is out of service, and all must be back by
 * themselves soon after the server returns, with no ghost or double tickets.
 */
export async function brokerAway(office: FaultOffice, awaySeconds: number): Promise<BrokerAwayReport> {
  const sim = new SimOffice(office.config, office.devices, office.clock);
  await sim.start();
  try {
    const kiosks = [...sim.kiosks.values()];
    const boxes = [...sim.counters.values()];
    const ready = () => kiosks.every((k) => k.lcd.lines[0] === 'Dobrý den,' && k.buttons.lights.get(1) === true) && boxes.every((b) => !b.digits.text.startsWith('--------'));
    while (!ready()) await pause(20);
    await office.server.stop();
    const awayUntil = Date.now() + awaySeconds * 1000;
    let saidOutOfService = false;
    while (Date.now() < awayUntil) {
      for (const k of kiosks) k.buttons.press(1);
      for (const b of boxes) b.buttons.press(1);
      await pause(500);
      saidOutOfService ||= kiosks.every((k) => k.lcd.lines[0] === 'Mimo provoz' && k.buttons.lights.get(1) === false) && boxes.every((b) => b.digits.text === '--------');
    }
    const printedWhileAway = kiosks.reduce((n, k) => n + k.printer.printed.length, 0);
    await office.restart();
    const back = performance.now();
    while (!ready() && performance.now() - back < 30_000) await pause(20);
    const recoveryMs = Math.round(performance.now() - back);
    for (const k of kiosks) k.buttons.press(1);
    await pause(1000);
    const ticketsAfter = kiosks.reduce((n, k) => n + k.printer.printed.length, 0) - printedWhileAway;
    const { waiting, calls } = await serverView(office);
    return { awaySeconds, recoveryMs, printedWhileAway, saidOutOfService, ticketsAfter, waitingAfter: waiting, callsAfter: calls };
  } finally {
    await sim.stop();
  }
}
