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
  /** Starts the server again on the same ports and data, as systemd would after a crash. */
  restart(): Promise<ServerProcess>;
  stop(): Promise<void>;
}

/**
 * An office configuration run by a real server process with its durable store in `dir`, for
 * benchmarks, fault runs and the day simulator. The office clock starts at `startAt`, at real
 * speed or `rate` times faster; the same clock is returned for the devices this process simulates.
 * Ports are chosen by the OS at the first start and kept across restarts. `more`: settings of its
 * own (hub mode's), and `simulating` for a server the virtual office may drive.
 */
export async function startOfficeProcess(dir: string, input: OfficeInput, startAt: number, rate = 1, more: { env?: Record<string, string>; simulating?: boolean } = {}): Promise<OfficeProcess> {
  const config = officeConfigSchema.parse(input);
  const configPath = join(dir, 'office.json');
  await writeFile(configPath, JSON.stringify(input));
  const provisioned = await provisionDevices(config, dir, 'mqtt://127.0.0.1:0', more.simulating);
  const epoch = Date.now();
  const clock = rate === 1 ? offsetClock(startAt - epoch) : acceleratedClock(startAt, epoch, rate);
  const clockEnv: Record<string, string> =
    rate === 1 ? { FRONTA_CLOCK_OFFSET_MS: String(startAt - epoch) } : { FRONTA_START_AT: new Date(startAt).toISOString(), FRONTA_CLOCK_RATE: String(rate), FRONTA_CLOCK_EPOCH_MS: String(epoch) };
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
    async restart() {
      await server.stop();
      server = await startServerProcess(env(mqttPort, httpPort));
      office.server = server;
      return server;
    },
    stop: () => server.stop(),
  };
  return office;
}
