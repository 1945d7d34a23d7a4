import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { kostelecOffice } from '../../shared/config/kostelec.ts';
import { officeConfigSchema, type OfficeConfig } from '../../shared/config/schema.ts';
import { offsetClock, type Clock } from '../../shared/clock.ts';
import type { LocalSettings } from '../../device/local-settings.ts';
import { provisionDevices } from '../lib/provision.ts';
import { startServerProcess, type ServerProcess } from '../lib/server-process.ts';

/** Tuesday 24 November 2026, 09:00 in Prague: open for hours. */
const start = Date.parse('2026-11-24T09:00:00+01:00');

export interface FaultOffice {
  config: OfficeConfig;
  clock: Clock;
  devices: LocalSettings[];
  server: ServerProcess;
  /** Starts the server again on the same ports and data, as systemd would after a crash. */
  restart(): Promise<ServerProcess>;
  stop(): Promise<void>;
}

/**
 * The Kostelec office with capacities no fault test reaches, run by a real server process with a
 * durable store in `dir`, on fixed ports after the first start (so devices can come back to it).
 */
export async function startFaultOffice(dir: string): Promise<FaultOffice> {
  const input = { ...structuredClone(kostelecOffice), workplaces: kostelecOffice.workplaces.map((w) => ({ ...w, walkInCapacityPerDay: 10_000 })) };
  const config = officeConfigSchema.parse(input);
  const configPath = join(dir, 'office.json');
  await writeFile(configPath, JSON.stringify(input));
  const provisioned = await provisionDevices(config, dir, 'mqtt://127.0.0.1:0');
  const offset = start - Date.now();
  const env = (mqttPort: number, httpPort: number) => ({
    FRONTA_CONFIG: configPath,
    FRONTA_DATA_DIR: dir,
    FRONTA_CREDENTIALS: provisioned.credentialsPath,
    FRONTA_MQTT_PORT: String(mqttPort),
    FRONTA_HTTP_PORT: String(httpPort),
    FRONTA_CLOCK_OFFSET_MS: String(offset),
  });
  let server = await startServerProcess(env(0, 0));
  const { mqttPort, httpPort } = server;
  const office: FaultOffice = {
    config,
    clock: offsetClock(offset),
    devices: provisioned.devices.map((d) => ({ ...d, broker: `mqtt://127.0.0.1:${mqttPort}` })),
    server,
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
