import { spawn } from 'node:child_process';
import { chmod, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bookingClient, confirmTokenIn } from '../support/booking-client.ts';
import { eventually } from '../support/eventually.ts';
import { freePort } from '../support/free-port.ts';
import { goodPassword, staffClient } from '../support/staff-client.ts';
import { tempDir } from '../support/temp-dir.ts';

// Messages cross processes and a broker: bounded generously, for a busy machine.
const crossing = 30_000;
const root = fileURLToPath(new URL('../..', import.meta.url));

test("the hub command brings up PostgreSQL, Mosquitto, the hub and two offices: a booking made at the hub's site is on its office's staff list with its code, not on the other office's; Ctrl+C stops it all", async () => {
  const dir = await tempDir();
  // PostgreSQL runs as its own user when we are root, and must reach its directory inside this one.
  await chmod(dir.path, 0o755);
  const hubPort = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/hub.ts'], {
    cwd: root,
    env: { ...process.env, FRONTA_HUB_DIR: dir.path, FRONTA_HUB_PORT: String(hubPort), FRONTA_START_AT: '2026-12-08T09:00:00+01:00', FRONTA_NO_BROWSER: '1' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const started = await eventually(
      'the hub and its offices up',
      () => {
        if (child.exitCode !== null) throw new Error(`the hub command exited with ${child.exitCode} before it was up`);
        return readFile(join(dir.path, 'hub.json'), 'utf8').then(
          (t) => JSON.parse(t) as { hub: string; offices: Record<string, { httpPort: number }> },
          () => undefined,
        );
      },
      120_000,
    );
    const hub = bookingClient(`${started.hub}/o/kostelec`);
    const day = ((await hub.days('pasy')).body!.days as { day: string; free: number }[]).find((d) => d.free > 0)!.day;
    const slot = ((await hub.slots('pasy', day)).body!.slots as { startsAt: number; free: number }[]).find((s) => s.free > 0)!;
    assert.is((await hub.hold({ serviceId: 'pasy', startsAt: slot.startsAt, email: 'eva@example.cz', name: 'Eva Horáková' })).status, 201);
    const outbox = join(dir.path, 'hub-data', 'kostelec', 'outbox');
    const mail = await eventually(
      'the link mail in the hub outbox',
      async () => {
        const names = (await readdir(outbox).catch(() => [] as string[])).filter((n) => n.endsWith('.html'));
        return names.length > 0 ? readFile(join(outbox, names[0]!), 'utf8') : undefined;
      },
      crossing,
    );
    const code = (await hub.confirm(confirmTokenIn(mail))).body!.code as string;
    assert.match(code, /^\d{8}$/);

    const listAt = async (officeId: string) => {
      const base = `http://127.0.0.1:${started.offices[officeId]!.httpPort}`;
      const token = (await readFile(join(dir.path, `office-${officeId}`, 'admin-token'), 'utf8')).trim();
      await bookingClient(base).request('POST', '/api/admin/staff', { username: 'novak', name: 'Petr Novák', role: 'clerk', password: goodPassword }, { authorization: `Bearer ${token}` });
      const clerk = staffClient(base);
      await clerk.login('novak');
      return async () => ((await clerk.call('GET', `/api/staff/bookings?day=${day}`)).body!.bookings as { code?: string; name?: string }[]) ?? [];
    };
    const kostelec = await listAt('kostelec');
    const booked = await eventually('the booking on Kostelec’s list', async () => (await kostelec()).find((b) => b.code === code), crossing);
    assert.ok(JSON.stringify(booked).includes('Eva Horáková'), JSON.stringify(booked));
    const rychnov = await listAt('rychnov');
    assert.equal(await rychnov(), [], 'nothing at the other office');

    // The region's administrator the command made, with the password it keeps beside the data.
    const region = staffClient(started.hub);
    const password = (await readFile(join(dir.path, 'staff-demo-password'), 'utf8')).trim();
    assert.is((await region.login('spravce', password)).status, 200);
    const atHub = await region.call('GET', `/o/kostelec/api/staff/bookings?day=${day}`);
    assert.ok(
      (atHub.body!.bookings as { code: string | null; name: string | null }[]).some((b) => b.code === code && b.name === 'Eva Horáková'),
      "on Kostelec's list at the hub's staff pages too",
    );

    child.kill('SIGINT');
    assert.is(await exited, 0, 'stopped cleanly');
    const postmaster = await readFile(join(dir.path, 'postgres', 'data', 'postmaster.pid'), 'utf8').catch(() => null);
    assert.is(postmaster, null, "PostgreSQL's server stopped with it");
  } finally {
    child.kill('SIGKILL');
    await dir.remove();
  }
});

test.run();
