import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalSettings } from '../../device/local-settings.ts';
import { acceleratedClock, type Clock, offsetClock } from '../../shared/clock.ts';
import { type OfficeConfig, type OfficeInput, officeConfigSchema } from '../../shared/config/schema.ts';
import { provisionDevices } from './provision.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';

export interface OfficeProcess {
  config: OfficeConfig;
  clock: Clock;
  /** Every device's settings, pointing at the running server. */
  devices: LocalSettings[];
  server: ServerProcess;
  /** The virtual office's login, for a server started with `simulating`. */
  simulatorSecret: string | undefined;
  /**
   * Starts the server again on the same ports and data, as systemd would after a crash; `startAt`:
   * with its clock (and `clock`) starting there now, as a server switched off for the night.
   */
  restart(startAt?: number): Promise<ServerProcess>;
  stop(): Promise<void>;
}

/**
 * An office configuration run by a real server process with its durable store in `dir`, for
 * benchmarks, fault runs and the day simulator. The office clock starts at `startAt`, at real
 * speed or `rate` times faster; the same clock is returned for the devices this process simulates.
 * Ports are chosen by the OS at the first start and kept across restarts. `more`: settings of its
 * own (hub mode's), `simulating` for a server the virtual office may drive, and `epochMs`, the real
 * instant its clock reads `startAt` (now by default), for offices started one after another on one
 * shared clock.
 */
export async function startOfficeProcess(
  dir: string,
  input: OfficeInput,
  startAt: number,
  rate = 1,
  more: { env?: Record<string, string>; simulating?: boolean; epochMs?: number } = {},
): Promise<OfficeProcess> {
  const config = officeConfigSchema.parse(input);
  const configPath = join(dir, 'office.json');
  await writeFile(configPath, JSON.stringify(input));
  const provisioned = await provisionDevices(config, dir, 'mqtt://127.0.0.1:0', more.simulating);
  const clocked = (at: number, epoch: number): { clock: Clock; env: Record<string, string> } => ({
    clock: rate === 1 ? offsetClock(at - epoch) : acceleratedClock(at, epoch, rate),
    env: rate === 1 ? { FRONTA_CLOCK_OFFSET_MS: String(at - epoch) } : { FRONTA_START_AT: new Date(at).toISOString(), FRONTA_CLOCK_RATE: String(rate), FRONTA_CLOCK_EPOCH_MS: String(epoch) },
  });
  let { clock, env: clockEnv } = clocked(startAt, more.epochMs ?? Date.now());
  const env = (mqttPort: number, httpPort: number) => ({
    FRONTA_CONFIG: configPath,
    FRONTA_DATA_DIR: dir,
    FRONTA_CREDENTIALS: provisioned.credentialsPath,
    FRONTA_MQTT_PORT: String(mqttPort),
    FRONTA_HTTP_PORT: String(httpPort),
    // A trial office: its mail goes to the outbox, where the fault runs read the links, and online booking stays open.
    FRONTA_MAIL_OUTBOX: '1',
    ...(more.simulating ? { FRONTA_SIMULATION: '1' } : {}),
    ...clockEnv,
    ...more.env,
  });
  let server = await startServerProcess(env(0, 0));
  const { mqttPort, httpPort } = server;
  const office: OfficeProcess = {
    config,
    clock,
    devices: provisioned.devices.map((d) => ({ ...d, broker: `mqtt://127.0.0.1:${mqttPort}` })),
    server,
    simulatorSecret: provisioned.simulatorSecret,
    async restart(at) {
      await server.stop();
      if (at !== undefined) {
        ({ clock, env: clockEnv } = clocked(at, Date.now()));
        office.clock = clock;
      }
      server = await startServerProcess(env(mqttPort, httpPort));
      office.server = server;
      return server;
    },
    stop: () => server.stop(),
  };
  return office;
}
