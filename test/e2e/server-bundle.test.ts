import { spawn } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildServer, serverEnv, serverNodeFlags } from '../../scripts/build-server.ts';
import { bookingClient } from '../support/booking-client.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const unit = fileURLToPath(new URL('../../deploy/systemd/fronta-server.service', import.meta.url));

test('the bundled server, run with the flags and environment of its unit, starts, answers /health, serves the pages and the device installer, and mails a hold from its mailer thread', async () => {
  const text = await readFile(unit, 'utf8');
  assert.ok(text.includes(`ExecStart=/usr/bin/node ${serverNodeFlags.join(' ')} dist/server.mjs`), 'the unit runs what the bench measures');
  for (const [name, value] of Object.entries(serverEnv)) assert.ok(text.includes(`Environment=${name}=${value}`), name);
  const dir = await tempDir();
  // One level below the root, where dist/server.mjs is (broker/root-path.ts).
  const bundle = join(root, 'dist', `server-test-${process.pid}.mjs`);
  try {
    await buildServer('broker/main.ts', bundle);
    const env = { ...process.env, ...serverEnv, FRONTA_DATA_DIR: dir.path, FRONTA_HTTP_PORT: '0', FRONTA_MQTT_PORT: '0', FRONTA_MAIL_OUTBOX: '1' };
    const child = spawn(process.execPath, [...serverNodeFlags, bundle], { cwd: dir.path, env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
      const { httpPort } = JSON.parse(first) as { httpPort: number };
      const base = `http://127.0.0.1:${httpPort}`;
      assert.is(((await (await fetch(`${base}/health`)).json()) as { status: string }).status, 'ready');
      const page = await fetch(`${base}/`);
      assert.is(page.status, 200);
      assert.match(await page.text(), /<div id="app">/);
      const installer = await fetch(`${base}/device/install.sh`);
      assert.is(installer.status, 200);
      assert.match(await installer.text(), /^#!\/usr\/bin\/env bash/);
      // A hold's mail, composed and written by the mailer's thread (its own bundle beside the server's).
      const api = bookingClient(base);
      const day = ((await api.days('pasy')).body!.days as { day: string; free: number }[]).find((d) => d.free > 0)!.day;
      const slot = (await api.slots('pasy', day)).body!.slots[0] as { startsAt: number };
      const held = await api.hold({ serviceId: 'pasy', startsAt: slot.startsAt });
      assert.is(held.status, 201);
      const mails = (await readdir(join(dir.path, 'outbox'))).filter((f) => f.startsWith(`${held.body!.holdId}--`));
      assert.equal(mails.map((f) => f.split('.').at(-1)).sort(), ['eml', 'html'], 'written before the hold was answered');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  } finally {
    await rm(bundle, { force: true });
    await dir.remove();
  }
});

test.run();
