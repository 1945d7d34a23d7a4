import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kostelecOffice } from '../shared/config/kostelec.ts';
import { officeConfigSchema } from '../shared/config/schema.ts';
import { connectAsDevice } from './lib/device-client.ts';
import { provisionDevices } from './lib/provision.ts';
import { startServerProcess } from './lib/server-process.ts';

/**
 * `node --import tsx scripts/make-upgrade-fixture.ts REF OUT`: a data directory written by the
 * office server of an earlier release (the git ref REF, run from a worktree with this checkout's
 * packages), through its real API on Tuesday 24 November 2026: an administrator, two walk-in
 * tickets, a phone booking for the next day, a saved settings change. The upgrade test starts
 * today's server on a copy (test/e2e/upgrade.test.ts). Made again from the previous release when
 * a release changes the data format.
 */
const [ref, outArg] = process.argv.slice(2);
if (!ref || !outArg) throw new Error('usage: make-upgrade-fixture.ts GIT-REF OUT-DIR');
const out = resolve(outArg);
const root = fileURLToPath(new URL('..', import.meta.url));
const fixtureFacts = { day: '2026-11-24', startAt: '2026-11-24T09:00:00+01:00', admin: 'reditelka', password: 'heslo-z-minule-verze', kiosk: 'kiosk-hala' };

const worktree = await mkdtemp(join(tmpdir(), 'fronta-old-'));
execFileSync('git', ['worktree', 'add', '--detach', '--force', worktree, ref], { cwd: root, stdio: 'ignore' });
try {
  await symlink(join(root, 'node_modules'), join(worktree, 'node_modules'));
  const provisioned = await provisionDevices(officeConfigSchema.parse(kostelecOffice), out, 'mqtt://127.0.0.1:0');
  const server = await startServerProcess(
    { FRONTA_DATA_DIR: out, FRONTA_CREDENTIALS: provisioned.credentialsPath, FRONTA_MQTT_PORT: '0', FRONTA_HTTP_PORT: '0', FRONTA_START_AT: fixtureFacts.startAt, FRONTA_MAIL_OUTBOX: '1' },
    'inherit',
    worktree,
  );
  try {
    const base = `http://127.0.0.1:${server.httpPort}`;
    const call = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response;
    };
    const token = execFileSync('cat', [join(out, 'admin-token')], { encoding: 'utf8' }).trim();
    await call('POST', '/api/admin/staff', { username: fixtureFacts.admin, name: 'Jana Nováková', role: 'admin', password: fixtureFacts.password }, { authorization: `Bearer ${token}` });
    const login = await call('POST', '/api/staff/login', { username: fixtureFacts.admin, password: fixtureFacts.password });
    const session = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };

    const kiosk = provisioned.devices.find((d) => d.deviceId === fixtureFacts.kiosk)!;
    const client = await connectAsDevice({ ...kiosk, broker: `mqtt://127.0.0.1:${server.mqttPort}` });
    await client.subscribeAsync(`fronta/v1/kiosk/${kiosk.deviceId}/reply`, { qos: 1 });
    for (const requestId of ['upgrade-fixture-1', 'upgrade-fixture-2']) {
      const reply = new Promise<string>((done) => client.once('message', (_topic, payload) => done(payload.toString())));
      await client.publishAsync(`fronta/v1/kiosk/${kiosk.deviceId}/request`, JSON.stringify({ kind: 'walkIn', requestId, pressedAt: Date.parse(fixtureFacts.startAt) + 1000, serviceId: 'pasy' }), {
        qos: 1,
      });
      console.log(await reply);
    }
    await client.endAsync();

    const slots = (await (await call('GET', '/api/staff/services/pasy/slots?day=2026-11-25', undefined, session)).json()) as { slots: { startsAt: number }[] };
    await call('POST', '/api/staff/bookings', { serviceId: 'pasy', startsAt: slots.slots[0]!.startsAt, name: 'Petr Svoboda', phone: '+420 777 123 456', language: 'cs' }, session);
    const { config } = (await (await call('GET', '/api/staff/settings', undefined, session)).json()) as { config: { workplaces: { id: string; walkInCapacityPerDay: number }[] } };
    config.workplaces.find((w) => w.id === 'spravni')!.walkInCapacityPerDay = 77;
    await call('PUT', '/api/staff/settings', { config, cancelAffected: false }, session);
  } finally {
    await server.stop();
  }
  // The kiosk's secret stays, for the test to log in with; the other devices' files go.
  await writeFile(join(out, 'kiosk-hala.secret'), `${provisioned.devices.find((d) => d.deviceId === fixtureFacts.kiosk)!.secret}\n`);
  await rm(join(out, 'devices'), { recursive: true });
  await rm(join(out, 'server.json'), { force: true });
  await writeFile(join(out, 'FIXTURE.md'), `Written by the office server of ${execFileSync('git', ['rev-parse', ref], { cwd: root, encoding: 'utf8' }).trim()} (scripts/make-upgrade-fixture.ts).\n`);
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: root, stdio: 'ignore' });
}
