import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildDevice, deviceNodeFlags } from '../build-device.ts';
import type { BenchOffice } from './bench-office.ts';
import { emit, round } from './stats.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A kiosk process and a counter process as on their Pis: the time from starting the process to
 * "ready" (configured by the server and online), and resident memory after an hour's use, done
 * at speed: 3,600 uses, one a second for an hour, busier than any real kiosk.
 */
export async function measureDeviceFootprint(office: BenchOffice, dir: string, uses = 3600): Promise<void> {
  const bundle = join(root, 'dist', 'device-bench.mjs');
  await buildDevice('scripts/bench/device-process.ts', bundle);
  for (const deviceId of ['kiosk-1', 'counter-1']) {
    const settings = office.devices.find((d) => d.deviceId === deviceId)!;
    const path = join(dir, `${deviceId}.settings.json`);
    await writeFile(path, JSON.stringify(settings));
    const started = performance.now();
    // As deployed (deploy/systemd/fronta-device.service): the bundle, with the same V8 flags.
    const child = spawn(process.execPath, ['--expose-gc', ...deviceNodeFlags, bundle, path, String(uses)], {
      cwd: root,
      env: { ...process.env, FRONTA_CLOCK_OFFSET_MS: String(office.clock.now() - Date.now()) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout! });
    for await (const line of lines) {
      const message = JSON.parse(line) as { ready?: boolean; role?: string; rss?: number; rssAtReady?: number };
      if (message.ready) {
        emit({ bench: 'device-footprint', metric: `${message.role}_ready`, value: round(performance.now() - started, 0), unit: 'ms' });
        emit({ bench: 'device-footprint', metric: `${message.role}_rss_at_ready`, value: round(message.rssAtReady! / 2 ** 20, 1), unit: 'MiB' });
      }
      if (message.rss) emit({ bench: 'device-footprint', metric: `${deviceId.split('-')[0]}_rss_after_use`, value: round(message.rss / 2 ** 20, 1), unit: 'MiB', uses });
    }
  }
}
