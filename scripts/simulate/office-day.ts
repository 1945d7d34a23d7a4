import { officeInstant } from '../../shared/calendar/office-calendar.ts';
import type { Clock } from '../../shared/clock.ts';
import { kostelecOffice } from '../../shared/config/kostelec.ts';
import { type OfficeInput, officeConfigSchema } from '../../shared/config/schema.ts';
import type { HallCalls } from '../../shared/contract/hall.ts';
import { decodeEscpos } from '../../shared/escpos/decode.ts';
import { kioskScreens } from '../../shared/texts/kiosk-texts.ts';
import { connectAsDevice } from '../lib/device-client.ts';
import { type OfficeProcess, startOfficeProcess } from '../lib/office-process.ts';
import { type SimKiosk, SimOffice } from '../lib/sim-office.ts';
import { type Arrival, walkInArrivals } from './arrivals.ts';
import { type BookedArrival, bookedArrivals, seedBookings } from './bookings.ts';
import { type ClerkLog, runClerk } from './clerk.ts';
import { type DayReport, type Issued, summarise, type TurnedAway } from './day-report.ts';
import { seeded } from './random.ts';

export interface DayOptions {
  dir: string;
  date: string;
  from: string;
  to: string;
  rate: number;
  seed: number;
  demand?: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The office rules of a simulation: presses and commands arrive a few real milliseconds late, which is `rate` times more office time. */
export function simulatedInput(base: OfficeInput = kostelecOffice): OfficeInput {
  return { ...structuredClone(base), rules: { maxRequestAgeSeconds: 300, maxCommandAgeSeconds: 300, hallCallsKept: 10, serviceTimeSamples: 10, codeEntryTimeoutSeconds: 20 } };
}

/**
 * One office day through the real processes: the office server as its own process and every
 * Kostelec device simulated, all on one accelerated clock. Citizens arrive at the kiosks by the
 * seeded pattern of arrivals.ts and press the real (simulated) buttons; citizens who booked online
 * (bookings.ts) type their codes early, late, too late or not at all; clerks work their counter
 * boxes as clerk.ts describes; counter 3 pauses from 10:00 to 10:30.
 */
export async function simulateDay(options: DayOptions): Promise<DayReport> {
  const random = seeded(options.seed);
  const input = simulatedInput();
  const start = officeInstant(options.date, options.from);
  const end = officeInstant(options.date, options.to);
  const booked = bookedArrivals(officeConfigSchema.parse(input), options.date, random, start, end);
  await seedBookings(options.dir, officeConfigSchema.parse(input), booked, start - 86_400_000);
  const office = await startOfficeProcess(options.dir, input, start, options.rate);
  try {
    return (await runOfficeDay(office, { ...options, start, end }, booked, random)).report;
  } finally {
    await office.stop();
  }
}

/**
 * The devices' and the people's side of one office day at a running office process: walk-ins and
 * the booked citizens (`booked`) at the kiosks, the clerks at their boxes, until `day.end`. The
 * tickets issued come back with the report, each with the code it was checked in with.
 */
export async function runOfficeDay(
  office: OfficeProcess,
  day: { date: string; start: number; end: number; seed: number; demand?: number | undefined },
  booked: BookedArrival[],
  random: () => number,
): Promise<{ report: DayReport; issued: Issued[] }> {
  const { start, end } = day;
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
    const arrivals = walkInArrivals(config, day.date, random, day.demand).filter((a) => a.at >= start && a.at < end);
    const issued: Issued[] = [];
    const turnedAway: TurnedAway[] = [];
    const byKiosk = new Map<string, Arrival[]>();
    const coming = booked.filter((b) => b.behaviour !== 'absent');
    for (const a of [...arrivals, ...coming].sort((x, y) => x.at - y.at)) byKiosk.set(a.kioskId, [...(byKiosk.get(a.kioskId) ?? []), a]);
    const kioskRuns = [...byKiosk].map(([id, queue]) => serveKiosk(sim.kiosk(id), queue, clock, issued, turnedAway));
    const clerks = config.counters.map((c) =>
      runClerk(
        config,
        sim.counter(c.id),
        { counterId: c.id, pause: c.number === 3 ? { from: officeInstant(day.date, '10:00'), to: officeInstant(day.date, '10:30') } : undefined },
        clock,
        end,
        seeded(day.seed + c.number),
      ),
    );
    const [logs] = await Promise.all([Promise.all(clerks), Promise.all(kioskRuns)]);
    await pause(300);
    return { report: summarise(config, { arrivals, booked, issued, turnedAway, calls, clerks: logs as ClerkLog[], start, end }), issued };
  } finally {
    await observer.endAsync();
    await sim.stop();
  }
}

/** The first LCD lines a kiosk shows on its way to an outcome; any other screen is the outcome of a press. */
const passingLines = new Set((['ready', 'printing', 'enterCode'] as const).map((screen) => kioskScreens[screen].cs[0]));

/**
 * One kiosk's citizens, one after another: press at the arrival time, then wait for what the kiosk
 * does. The kiosk always ends a press on a screen of its own (its requests time out and say so), so
 * the wait follows its screens, not a clock; the minute is only a guard against a kiosk that hangs.
 */
async function serveKiosk(kiosk: SimKiosk, queue: Arrival[], clock: Clock, issued: Issued[], turnedAway: TurnedAway[]): Promise<void> {
  const rate = clock.rate ?? 1;
  let outcome: ((line: string) => void) | undefined;
  kiosk.lcd.onShow(() => {
    const line = kiosk.lcd.lines[0] ?? '';
    if (!passingLines.has(line)) outcome?.(line);
  });
  for (const arrival of queue) {
    const wait = (arrival.at - clock.now()) / rate;
    if (wait > 0) await pause(wait);
    const printedBefore = kiosk.printer.printed.length;
    const code = (arrival as Partial<BookedArrival>).code;
    let guard: NodeJS.Timeout | undefined;
    const screen = new Promise<string>((resolve, reject) => {
      outcome = resolve;
      guard = setTimeout(() => reject(new Error(`kiosk ${kiosk.runtime.deviceId} showed no outcome of a press within a minute`)), 60_000);
    }).finally(() => clearTimeout(guard));
    if (code) kiosk.keypad.type([...code.split(''), 'enter'] as never);
    else kiosk.buttons.press(arrival.button);
    const shown = await screen;
    outcome = undefined;
    const bytes = kiosk.printer.printed.at(-1);
    if (kiosk.printer.printed.length > printedBefore && bytes) {
      const number = decodeEscpos(bytes).lines.find((l) => l.width === 4)?.text ?? '?';
      issued.push({ number, serviceId: arrival.serviceId, at: clock.now(), ...(code ? { bookedAt: (arrival as BookedArrival).bookedAt, code } : {}) });
    } else {
      turnedAway.push({ serviceId: arrival.serviceId, at: clock.now(), screen: shown, booked: Boolean(code) });
    }
    kiosk.printer.printed.length = 0;
  }
}
