import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildDevice, deviceNodeFlags } from '../../scripts/build-device.ts';
import { eventually } from '../support/eventually.ts';
import { runOffice } from '../support/office-fixture.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('the bundled device runtime, run as deployed, logs in and takes the role the server gives it', async () => {
  const office = await runOffice();
  const dir = await tempDir();
  const bundle = join(dir.path, 'device.mjs');
  const settingsPath = join(dir.path, 'prepazka-3.json');
  try {
    await buildDevice('device/main.ts', bundle);
    await writeFile(settingsPath, JSON.stringify(office.devices.find((d) => d.deviceId === 'prepazka-3')));
    // Simulated hardware needs no node_modules beside the bundle; real drivers resolve from the checkout's, as on a Pi.
    const child = spawn(process.execPath, [...deviceNodeFlags, bundle, settingsPath], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
    assert.equal(JSON.parse(first), { configured: true, deviceId: 'prepazka-3', role: 'counter' });
    await eventually('the server to see it online', () => office.logs.some((l) => l.includes('device online') && l.includes('prepazka-3')));
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    assert.is(stderr, '');
  } finally {
    await office.stop();
    await dir.remove();
  }
});

test.run();
