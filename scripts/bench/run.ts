import { tempDir } from '../../test/support/temp-dir.ts';
import { startBenchOffice } from './bench-office.ts';
import { measureAvailability, measureHolds, measurePageBytes } from './booking.ts';
import { compareBrokers } from './brokers.ts';
import { measureDeviceFootprint } from './device-footprint.ts';
import { measureGuessing } from './guessing.ts';
import { measureHoldCost, measureHubHoldCost } from './hold-cost.ts';
import { measureLatencies } from './latency.ts';
import { measureRequestLatency } from './request-latency.ts';
import { ceilingRush, embeddedRush, hubRush, measureRush } from './rush.ts';
import { measurePacedRush } from './rush-paced.ts';
import { measureServerYear } from './server-year.ts';
import { measureStatisticsYear } from './statistics-year.ts';
import { measureThroughput } from './throughput.ts';
import { measureWorkstation } from './workstation.ts';
import { measureWriteCost } from './write-cost.ts';

/**
 * `npm run bench` runs every benchmark; `npm run bench -- latency` only those whose name contains
 * the word. Figures go to stdout as JSON lines; record them in docs/PERFORMANCE.md.
 */
const benches: Record<string, () => Promise<void>> = {
  // One kiosk and one counter alone: the floor the 20-device figures are compared with.
  'latency-1': () => withOffice(1, (office) => measureLatencies(office, 200)),
  'latency-20': () => withOffice(20, (office) => measureLatencies(office, 50)),
  'latency-100': () => withOffice(100, (office) => measureLatencies(office, 20)),
  'request-20': () => withOffice(20, (office) => measureRequestLatency(office, 50)),
  throughput: () => withOffice(20, (office) => measureThroughput(office, 5000)),
  'write-cost': () => measureWriteCost(),
  'device-footprint': () => withOffice(1, (office, dir) => measureDeviceFootprint(office, dir)),
  // The same fan-in/fan-out through bare Aedes and Mosquitto; compare with request-20 (our whole server) in the same run.
  'server-year': async () => {
    const dir = await tempDir();
    await measureServerYear(dir.path).finally(() => dir.remove());
  },
  'booking-availability': () => inTempDir(measureAvailability),
  'booking-hold': () => inTempDir(measureHolds),
  'booking-page-bytes': () => inTempDir(measurePageBytes),
  'hold-cost': () => inTempDir(measureHoldCost),
  'hold-cost-hub': () => measureHubHoldCost(),
  rush: () => inTempDir(async (dir) => measureRush(await embeddedRush(dir), rushCitizens(), rushConnections())),
  'rush-ceiling': async () => measureRush(await ceilingRush(Number(process.env.RUSH_PROCESSES ?? 1)), rushCitizens(), rushConnections()),
  'rush-hub': () => inTempDir(async (dir) => measureRush(await hubRush(dir, Number(process.env.RUSH_PROCESSES ?? 4)), rushCitizens(), rushConnections())),
  'rush-paced': () => inTempDir(async (dir) => measurePacedRush(await embeddedRush(dir), rushCitizens(), ...rushPace())),
  'rush-paced-hub': () => inTempDir(async (dir) => measurePacedRush(await hubRush(dir, Number(process.env.RUSH_PROCESSES ?? 4)), rushCitizens(), ...rushPace())),
  guessing: () => inTempDir(measureGuessing),
  'statistics-year': () => inTempDir(measureStatisticsYear),
  workstation: () => inTempDir(measureWorkstation),
  brokers: async () => {
    const dir = await tempDir();
    await compareBrokers(dir.path).finally(() => dir.remove());
  },
};

/** The rush's crowd (RUSH_CITIZENS, RUSH_CONNECTIONS at a time); RUSH_PROCESSES the hub's booking processes. */
const rushCitizens = () => Number(process.env.RUSH_CITIZENS ?? 10_000);
const rushConnections = () => Number(process.env.RUSH_CONNECTIONS ?? 64);
/** The paced rush's arrivals: over RUSH_MINUTES, decaying with a time constant of RUSH_TAU_SECONDS. */
const rushPace = () => [Number(process.env.RUSH_MINUTES ?? 10), Number(process.env.RUSH_TAU_SECONDS ?? 60)] as const;

async function inTempDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await tempDir();
  await run(dir.path).finally(() => dir.remove());
}

async function withOffice(devices: number, run: (office: Awaited<ReturnType<typeof startBenchOffice>>, dir: string) => Promise<void>): Promise<void> {
  const dir = await tempDir();
  const office = await startBenchOffice(dir.path, devices);
  try {
    await run(office, dir.path);
  } finally {
    await office.stop();
    await dir.remove();
  }
}

const filter = process.argv[2];
// A bench's own name runs it alone (`rush`, not also `rush-hub`); any other part of names runs all it is part of.
const chosen = Object.entries(benches).filter(([name]) => !filter || (filter in benches ? name === filter : name.includes(filter)));
if (chosen.length === 0) {
  console.error(`no benchmark matches "${filter}"; there are: ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
for (const [, run] of chosen) await run();
