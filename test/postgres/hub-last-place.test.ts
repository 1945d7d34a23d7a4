import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { slotStarts } from '../../broker/booking/slots.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import { addDays } from '../../shared/calendar/office-calendar.ts';
import { kostelec, tuesdayNine } from '../support/office-fixture.ts';
import { startPostgres } from '../support/postgres.ts';

const worker = fileURLToPath(new URL('./hub-hold-worker.ts', import.meta.url));

test('the last place across four stateless booking processes on one PostgreSQL: 200 holds at once, exactly one wins, 20 rounds', async () => {
  const server = await startPostgres();
  const children: ChildProcess[] = [];
  try {
    const pool = await server.database();
    await migrate(pool);
    const database = (await pool.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
    const ports = await Promise.all(
      [1, 2, 3, 4].map(async () => {
        const child = spawn(process.execPath, ['--import', 'tsx', worker, server.socketDir, database], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
        children.push(child);
        const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
        return (JSON.parse(line) as { port: number }).port;
      }),
    );
    const pasy = kostelec().services.find((s) => s.id === 'pasy')!;
    // Twenty different slots over the working days ahead, each with one place.
    const slots = [1, 2, 3, 6, 7, 8, 9, 10].flatMap((d) => slotStarts(kostelec(), pasy, addDays('2026-11-24', d)).slice(0, 3)).slice(0, 20);
    assert.is(slots.length, 20);
    for (const [round, startsAt] of slots.entries()) {
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, k) =>
          fetch(`http://127.0.0.1:${ports[k % 4]}/holds`, {
            method: 'POST',
            body: JSON.stringify({ serviceId: 'pasy', startsAt, email: `r${round}-c${k}@example.cz`, clientKey: `r${round}-c${k}`, now: tuesdayNine }),
          }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error?: string } })),
        ),
      );
      const won = answers.filter((a) => a.status === 201);
      assert.is(won.length, 1, `round ${round}: one winner`);
      assert.ok(
        answers.filter((a) => a.status !== 201).every((a) => a.body.error === 'slotUnavailable'),
        `round ${round}: every other hold was told the place is taken`,
      );
      const stored = await pool.query('SELECT count(*)::int AS n FROM hub_bookings WHERE starts_at = $1', [startsAt]);
      assert.is(stored.rows[0].n, 1, `round ${round}: one booking stored`);
    }
    const winners = await pool.query<{ processes: number }>('SELECT count(*)::int AS processes FROM hub_bookings');
    assert.is(winners.rows[0]!.processes, 20);
  } finally {
    for (const child of children) child.disconnect();
    await Promise.all(children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : c.once('exit', resolve)))));
    await server.stop();
  }
});

test.run();
