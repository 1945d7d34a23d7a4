import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildServer, hubBundles } from '../../scripts/build-server.ts';
import { hubProcessEnv } from '../support/hub-process.ts';
import { startMosquitto } from '../support/mosquitto.ts';
import { startPostgres } from '../support/postgres.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const unit = (name: string) => readFile(join(root, 'deploy/systemd', name), 'utf8');

test("the hub's bundled processes, as their units run them, migrate an empty database, answer /health and serve the offices' list, and take the line to the offices", async () => {
  assert.ok((await unit('fronta-hub@.service')).includes(`ExecStart=/usr/bin/node ${Object.keys(hubBundles)[0]}`), 'the unit runs the booking bundle');
  assert.ok((await unit('fronta-hub-link.service')).includes(`ExecStart=/usr/bin/node ${Object.keys(hubBundles)[1]}`), 'the unit runs the link bundle');
  const postgres = await startPostgres();
  const broker = await startMosquitto({ hub: 'hub-secret' }, 'user hub\ntopic read fronta-hub/offices/+/reports\ntopic write fronta-hub/offices/+/bookings\n');
  const dir = await tempDir();
  // One level below the root, where dist/hub.mjs is (broker/root-path.ts finds the pages and the migrations from there).
  const bundles = { site: join(root, 'dist', `hub-test-${process.pid}.mjs`), link: join(root, 'dist', `hub-link-test-${process.pid}.mjs`) };
  const children: ReturnType<typeof spawn>[] = [];
  const run = async (bundle: string, env: Record<string, string>) => {
    const child = spawn(process.execPath, [bundle], { cwd: dir.path, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`${bundle} exited with ${code} before it was ready`)));
    });
    return JSON.parse(first) as { ready: boolean; httpPort: number };
  };
  try {
    await buildServer(hubBundles['dist/hub.mjs'], bundles.site);
    await buildServer(hubBundles['dist/hub-link.mjs'], bundles.link);
    const pool = await postgres.database();
    const env = await hubProcessEnv(postgres, pool, dir.path);
    const site = await run(bundles.site, env);
    const base = `http://127.0.0.1:${site.httpPort}`;
    assert.is(((await (await fetch(`${base}/health`)).json()) as { status: string }).status, 'ready');
    assert.equal((await (await fetch(`${base}/api/offices`)).json()) as unknown, { offices: [] }, 'the schema made by the bundle’s migrations');
    const page = await fetch(`${base}/o/`);
    assert.is(page.status, 200);
    assert.match(await page.text(), /<div id="app">/);
    const link = await run(bundles.link, { PGHOST: env.PGHOST!, PGUSER: env.PGUSER!, PGDATABASE: env.PGDATABASE!, FRONTA_HUB_MQTT_URL: broker.url, FRONTA_HUB_MQTT_PASSWORD: 'hub-secret' });
    assert.ok(link.ready, 'the link connected to the broker and subscribed');
  } finally {
    for (const child of children) {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    }
    await rm(bundles.site, { force: true });
    await rm(bundles.link, { force: true });
    await broker.stop();
    await postgres.stop();
    await dir.remove();
  }
});

test.run();
