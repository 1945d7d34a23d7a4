import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { kostelecOffice } from '../../shared/config/kostelec.ts';
import { officeConfigSchema, type OfficeConfig, type OfficeInput } from '../../shared/config/schema.ts';
import { offsetClock, type Clock } from '../../shared/clock.ts';
import { provisionDevices, type Provisioned } from '../lib/provision.ts';
import { startServerProcess, type ServerProcess } from '../lib/server-process.ts';

/** Tuesday 24 November 2026, 09:00 in Prague: every workplace open for hours. */
const benchStart = Date.parse('2026-11-24T09:00:00+01:00');

export interface BenchOffice {
  config: OfficeConfig;
  clock: Clock;
  server: ServerProcess;
  provisioned: Provisioned;
  stop(): Promise<void>;
}

/**
 * The Kostelec office grown to `devices` kiosks and as many counters (each serving every service),
 * run by a real office server process with its durable file store in `dir`.
 */
export async function startBenchOffice(dir: string, devices: number): Promise<BenchOffice> {
  const services = kostelecOffice.services.map((s) => s.id);
  const input: OfficeInput = {
    ...structuredClone(kostelecOffice),
    workplaces: kostelecOffice.workplaces.map((w) => ({ ...w, walkInCapacityPerDay: 10_000 })),
    kiosks: Array.from({ length: devices }, (_, k) => ({
      id: `kiosk-${k + 1}`,
      name: { cs: `Kiosk ${k + 1}`, en: `Kiosk ${k + 1}` },
      buttons: services.map((serviceId, b) => ({ button: b + 1, serviceId })),
    })),
    counters: Array.from({ length: devices }, (_, k) => ({ id: `counter-${k + 1}`, number: k + 1, serviceIds: services })),
    displays: [],
  };
  const config = officeConfigSchema.parse(input);
  const configPath = join(dir, 'office.json');
  await writeFile(configPath, JSON.stringify(input));
  const provisioned = await provisionDevices(config, dir, 'mqtt://127.0.0.1:0');
  const offset = benchStart - Date.now();
  const server = await startServerProcess({
    FRONTA_CONFIG: configPath,
    FRONTA_DATA_DIR: dir,
    FRONTA_CREDENTIALS: provisioned.credentialsPath,
    FRONTA_MQTT_PORT: '0',
    FRONTA_HTTP_PORT: '0',
    FRONTA_CLOCK_OFFSET_MS: String(offset),
  });
  const broker = `mqtt://127.0.0.1:${server.mqttPort}`;
  return {
    config,
    clock: offsetClock(offset),
    server,
    provisioned: { ...provisioned, devices: provisioned.devices.map((d) => ({ ...d, broker })) },
    stop: () => server.stop(),
  };
}
