import { randomBytes } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emailKey } from '../../broker/booking/email-key.ts';
import { slotStarts } from '../../broker/booking/slots.ts';
import { HubHolds } from '../../broker/hub/hub-holds.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import { kostelec, tuesdayNine } from '../support/office-fixture.ts';
import { startPostgres } from '../support/postgres.ts';

test("the hub counts a day's online places as an office does: a no-show keeps its place in the count, a caller booked by staff takes none", async () => {
  const server = await startPostgres();
  try {
    const pool = await server.database();
    await migrate(pool);
    const config = kostelec((c) => {
      for (const s of c.services) if (s.booking) s.booking = { ...s.booking, placesPerSlot: 5, onlinePlaces: { tue: 2 } };
      c.booking = { limits: { placesPerAddressPerDay: 1e6, bookingsPerAddress: 1e6, pendingHoldsPerAddress: 1e6 } };
    });
    const holds = new HubHolds(pool, { id: () => randomBytes(9).toString('base64url'), token: () => randomBytes(16).toString('base64url'), code: () => '00000000' });
    const pasy = config.services.find((s) => s.id === 'pasy')!;
    const [first, second] = slotStarts(config, pasy, '2026-12-01');
    const hold = (k: number, startsAt: number) => {
      const email = `c${k}@example.cz`;
      return holds.hold('kostelec', config, { serviceId: 'pasy', startsAt: startsAt!, person: { name: 'X', email, emailKey: emailKey(email) }, language: 'cs', clientKey: `c${k}` }, tuesdayNine);
    };

    const noShow = await hold(1, first!);
    const byStaff = await hold(2, first!);
    assert.ok(noShow.ok && byStaff.ok);
    if (!noShow.ok || !byStaff.ok) return;
    await pool.query(`UPDATE hub_bookings SET status = 'lapsed', record = jsonb_set(record, '{status}', '"lapsed"') WHERE id = $1`, [noShow.data.id]);
    await pool.query(`UPDATE hub_bookings SET record = jsonb_set(record, '{bookedBy}', '"prepazka-2"') WHERE id = $1`, [byStaff.data.id]);

    // Online: the no-show and this one fill the day's two online places; the staff booking does not count.
    assert.ok((await hold(3, second!)).ok, 'the second online place is free');
    const refused = await hold(4, second!);
    assert.equal(refused.ok ? 'held' : refused.error.code, 'slotUnavailable', 'the day has no online place left');
  } finally {
    await server.stop();
  }
});

test.run();
