import { connectAsDevice } from '../lib/device-client.ts';
import { officeInstant } from '../../shared/calendar/office-calendar.ts';
import type { Clock } from '../../shared/clock.ts';
import { startOfficeProcess } from '../lib/office-process.ts';
import { kostelecOffice } from '../../shared/config/kostelec.ts';
import type { HallCalls } from '../../shared/contract/hall.ts';
import { decodeEscpos } from '../../shared/escpos/decode.ts';
import { SimOffice, type SimKiosk } from '../lib/sim-office.ts';
import { walkInArrivals, type Arrival } from './arrivals.ts';
import { bookedArrivals, seedBookings, type BookedArrival } from './bookings.ts';
import { officeConfigSchema } from '../../shared/config/schema.ts';
import { runClerk, type ClerkLog } from './clerk.ts';
import { seeded } from './random.ts';
import { summarise, type DayReport, type Issued, type TurnedAway } from './day-report.ts';

export interface DayOptions { dir: string; date: string; from: string; to: string; rate: number; seed: number; demand?: number }

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One office day through the real processes: the office server as its own process and every
 * Kostelec device simulated, all on one accelerated clock. Citizens arrive at the kiosks by the
 * seeded pattern of arrivals.ts and press the real (simulated) buttons; citizens who booked online
 * (bookings.ts) type their codes early, late, too late or not at all; clerks work their counter
 * boxes as clerk.ts describes; counter 3 pauses from 10:00 to 10:30.
 */
export async function simulateDay(options: DayOptions): Promise<DayReport> {
  const random = seeded(options.seed);
  // Presses and commands arrive a few real milliseconds late, which is `rate` times more office time.
  const input = { ...structuredClone(kostelecOffice), rules: { maxRequestAgeSeconds: 300, maxCommandAgeSeconds: 300, hallCallsKept: 10, serviceTimeSamples: 10, codeEntryTimeoutSeconds: 20 } };
  const start = officeInstant(options.date, options.from);
  const end = officeInstant(options.date, options.to);
  const booked = bookedArrivals(officeConfigSchema.parse(input), options.date, random, start, end);
  await seedBookings(options.dir, officeConfigSchema.parse(input), booked, start - 86_400_000);
  const office = await startOfficeProcess(options.dir, input, start, options.rate);
  const { config, clock, devices } = office;
  const sim = new SimOffice(config, devices, clock);
  const calls = new Map<string, number>();
  const observerSettings = devices.find((d) => d.deviceId === config.displays[0]!.id)!;
  const observer = await connectAsDevice(observerSettings, 'sim');
  try {
    await sim.start();
    observer.on('message', (_topic, payload) => {
      for (const call of (JSON.parse(payload.toString()) as HallCalls).calls) if (call.kind === 'call' && !calls.has(call.number)) calls.set(call.number, call.at);
    });
    await observer.subscribeAsync('fronta/v1/hall/calls', { qos: 1 });
    const arrivals = walkInArrivals(config, options.date, random, options.demand).filter((a) => a.at >= start && a.at < end);
    const issued: Issued[] = [];
    const turnedAway: TurnedAway[] = [];
    const byKiosk = new Map<string, Arrival[]>();
    const coming = booked.filter((b) => b.behaviour !== 'absent');
    for (const a of [...arrivals, ...coming].sort((x, y) => x.at - y.at)) byKiosk.set(a.kioskId, [...(byKiosk.get(a.kioskId) ?? []), a]);
    const kioskRuns = [...byKiosk].map(([id, queue]) => serveKiosk(sim.kiosk(id), queue, clock, issued, turnedAway));
    const clerks = config.counters.map((c) =>
      runClerk(config, sim.counter(c.id), { counterId: c.id, pause: c.number === 3 ? { from: officeInstant(options.date, '10:00'), to: officeInstant(options.date, '10:30') } : undefined }, clock, end, seeded(options.seed + c.number)),
    );
    const [logs] = await Promise.all([Promise.all(clerks), Promise.all(kioskRuns)]);
    await pause(300);
    return summarise(config, { arrivals, booked, issued, turnedAway, calls, clerks: logs as ClerkLog[], start, end });
  } finally {
    await observer.endAsync();
    await sim.stop();
    await office.stop();
  }
}

/** One kiosk's citizens, one after another: press at the arrival time, then see what the kiosk does. */
async function serveKiosk(kiosk: SimKiosk, queue: Arrival[], clock: Clock, issued: Issued[], turnedAway: TurnedAway[]): Promise<void> {
  const rate = clock.rate ?? 1;
  for (const arrival of queue) {
    const wait = (arrival.at - clock.now()) / rate;
    if (wait > 0) await pause(wait);
    const printedBefore = kiosk.printer.printed.length;
    const code = (arrival as Partial<BookedArrival>).code;
    if (code) kiosk.keypad.type([...code.split(''), 'enter'] as never);
    else kiosk.buttons.press(arrival.button);
    // The previous citizen's message may still be on the LCD: only a screen that came after this press counts.
    const before = kiosk.lcd.lines[0];
    let changed = false;
    const deadline = Date.now() + 2000;
    while (kiosk.printer.printed.length === printedBefore && Date.now() < deadline) {
      const line = kiosk.lcd.lines[0] ?? '';
      changed ||= line !== before;
      if (changed && /kapacita|uzavřena|Mimo provoz|svátek|brzy|propadla|Neznámý|použit|patří|pokusů/.test(line)) break;
      await pause(2);
    }
    const bytes = kiosk.printer.printed.at(-1);
    if (kiosk.printer.printed.length > printedBefore && bytes) {
      const number = decodeEscpos(bytes).lines.find((l) => l.width === 4)?.text ?? '?';
      issued.push({ number, serviceId: arrival.serviceId, at: clock.now(), ...(code ? { bookedAt: (arrival as BookedArrival).bookedAt } : {}) });
    } else {
      turnedAway.push({ serviceId: arrival.serviceId, at: clock.now(), screen: kiosk.lcd.lines[0] ?? '', booked: Boolean(code) });
    }
    kiosk.printer.printed.length = 0;
  }
}
