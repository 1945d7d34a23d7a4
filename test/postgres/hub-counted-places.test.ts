import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cryptoDraw } from '../../broker/booking/booking-ledger.ts';
import { type Booking, bookingState } from '../../broker/booking/booking-state.ts';
import { daySlots, slotStarts, staffSlots } from '../../broker/booking/slots.ts';
import { HubBook, type HubOffice } from '../../broker/hub/hub-book.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import { kostelec, tuesdayNine } from '../support/office-fixture.ts';
import { startPostgres } from '../support/postgres.ts';

const config = kostelec((c) => {
  c.services.find((s) => s.id === 'pasy')!.booking!.placesPerSlot = 3;
});
const service = config.services.find((s) => s.id === 'pasy')!;
const hubOffice: HubOffice = { id: 'kostelec', config, suspension: null, addressSalt: 'hub' };
const day = '2026-11-25';
const now = tuesdayNine;

test("the hub counts a day's places from counts by slot exactly as the rules count the bookings themselves: online and staff, live and run-out holds, lapsed and cancelled, and the office's own", async () => {
  const postgres = await startPostgres();
  try {
    const pool = await postgres.database();
    await migrate(pool);
    const [s0, s1, s2, s3, s4, s5] = slotStarts(config, service, day);
    let n = 0;
    const booking = (startsAt: number, status: Booking['status'], more: Partial<Booking> = {}): Booking => ({
      id: `b${++n}`,
      serviceId: 'pasy',
      workplaceId: service.workplaceId,
      day,
      startsAt: startsAt!,
      status,
      createdAt: now - 86_400_000,
      heldUntil: 0,
      confirmToken: `token-${n}`,
      language: 'cs',
      icsSequence: 0,
      person: { name: `Klient ${n}`, email: `k${n}@example.cz`, emailKey: `k${n}@example.cz` },
      ...more,
    });
    const atHub = [
      booking(s0!, 'confirmed'),
      booking(s0!, 'confirmed'),
      booking(s1!, 'confirmed', { bookedBy: 'novak' }),
      booking(s1!, 'held', { heldUntil: now + 600_000 }),
      booking(s2!, 'held', { heldUntil: now - 1 }),
      booking(s2!, 'held', { heldUntil: now - 600_000 }),
      booking(s3!, 'lapsed'),
      booking(s3!, 'lapsed'),
      booking(s4!, 'lapsed', { bookedBy: 'novak' }),
      booking(s4!, 'cancelled'),
      booking(s5!, 'checkedIn'),
    ];
    for (const b of atHub)
      await pool.query('INSERT INTO hub_bookings (id, office_id, service_id, day, starts_at, status, held_until, email_key, client_key, record) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9)', [
        b.id,
        'kostelec',
        b.serviceId,
        b.day,
        b.startsAt,
        b.status,
        b.heldUntil,
        b.person!.emailKey,
        JSON.stringify(b),
      ]);
    // Booked by the office's staff, as reported: one taking s1's last place, one cancelled.
    const own = [booking(s1!, 'confirmed', { bookedBy: 'office' }), booking(s5!, 'cancelled', { bookedBy: 'office' })];
    for (const b of own)
      await pool.query('INSERT INTO hub_office_bookings (office_id, booking_id, service_id, day, starts_at, status, online) VALUES ($1, $2, $3, $4, $5, $6, false)', [
        'kostelec',
        b.id,
        b.serviceId,
        b.day,
        b.startsAt,
        b.status,
      ]);

    const { state } = await new HubBook(pool, cryptoDraw).read(hubOffice, { counts: { serviceId: 'pasy', from: day, to: day } }, now);
    const whole = bookingState({ seq: 0, addressSalt: 'hub', bookings: Object.fromEntries([...atHub, ...own].map((b) => [b.id, b])), suspension: null });
    assert.equal(daySlots(config, state, service, day, now), daySlots(config, whole, service, day, now), 'the online slots');
    assert.equal(staffSlots(config, state, service, day, now), staffSlots(config, whole, service, day, now), "the staff's slots");
    // What the case is about: the online places left, and s1 full.
    const online = daySlots(config, whole, service, day, now);
    assert.ok(
      online.every((s) => s.free <= 2),
      JSON.stringify(online),
    );
    assert.not.ok(
      online.some((s) => s.startsAt === s1),
      's1 full: a staff booking, a live hold and the office’s own',
    );
  } finally {
    await postgres.stop();
  }
});

test.run();
