import { randomBytes } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emailKey } from '../../broker/booking/email-key.ts';
import { slotStarts } from '../../broker/booking/slots.ts';
import { HubHolds } from '../../broker/hub/hub-holds.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import { addDays } from '../../shared/calendar/office-calendar.ts';
import { kostelec, tuesdayNine } from '../support/office-fixture.ts';
import { startPostgres } from '../support/postgres.ts';

test('kill -9 of the PostgreSQL server while holds pour in: every hold answered as taken is there after the restart, and the holds go on', async () => {
  const server = await startPostgres();
  try {
    const pool = await server.database();
    await migrate(pool);
    const config = kostelec((c) => {
      for (const s of c.services) if (s.booking) s.booking = { ...s.booking, placesPerSlot: 20, onlinePlaces: { mon: 500, tue: 500, wed: 500, thu: 500, fri: 500 } };
      c.booking = { limits: { placesPerAddressPerDay: 1e6, bookingsPerAddress: 1e6, pendingHoldsPerAddress: 1e6 } };
    });
    let n = 0;
    const holds = new HubHolds(pool, { id: () => `hold-${++n}-${randomBytes(3).toString('hex')}`, token: () => randomBytes(16).toString('base64url'), code: () => '00000000' });
    const pasy = config.services.find((s) => s.id === 'pasy')!;
    const starts = [1, 2, 3, 6, 7].flatMap((d) => slotStarts(config, pasy, addDays('2026-11-24', d)));
    const acknowledged: string[] = [];
    let failed = 0;
    let k = 0;
    const one = async () => {
      const i = ++k;
      const email = `c${i}@example.cz`;
      const outcome = await holds.hold(
        'kostelec',
        config,
        { serviceId: 'pasy', startsAt: starts[i % starts.length]!, person: { name: 'X', email, emailKey: emailKey(email) }, language: 'cs', clientKey: `c${i}` },
        tuesdayNine,
      );
      if (outcome.ok) acknowledged.push(outcome.data.id);
      else failed += 1;
    };
    let stop = false;
    const load = Promise.all(
      Array.from({ length: 8 }, async () => {
        while (!stop) await one();
      }),
    );
    const waitFor = async (count: number) => {
      while (acknowledged.length < count) await new Promise((r) => setTimeout(r, 5));
    };
    await waitFor(50);
    const beforeKill = acknowledged.length;
    await server.killAndRestart();
    const afterRestart = acknowledged.length;
    await waitFor(afterRestart + 50);
    stop = true;
    await load;
    assert.ok(failed > 0, 'the kill was felt: some holds failed while the server was down');
    assert.ok(acknowledged.length > beforeKill + 50, 'holds went on after the restart');
    const stored = new Set((await pool.query<{ id: string }>('SELECT id FROM hub_bookings')).rows.map((r) => r.id));
    const lost = acknowledged.filter((id) => !stored.has(id));
    assert.equal(lost, [], 'every acknowledged hold is stored');
  } finally {
    await server.stop();
  }
});

test.run();
