import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cryptoDraw } from '../../broker/booking/booking-ledger.ts';
import { daySlots } from '../../broker/booking/slots.ts';
import { HubBook, type HubOffice } from '../../broker/hub/hub-book.ts';
import { eventually } from '../support/eventually.ts';
import { crossing, startHubLine } from '../support/hub-line.ts';
import { kostelec, runOffice, tuesdayNine } from '../support/office-fixture.ts';
import { addAccount, adminToken, staffClient } from '../support/staff-client.ts';

const config = kostelec();
const hubOffice: HubOffice = { id: 'kostelec', config, suspension: null, addressSalt: 'hub' };
const day = '2026-11-25';

test("a caller booked by phone at an office in hub mode takes the slot's place at the hub too, which stops selling it online; cancelled there, the hub offers it again", async () => {
  const hubLine = await startHubLine();
  const { pool } = hubLine;
  const book = new HubBook(pool, cryptoDraw);
  const office = await runOffice({
    adminToken,
    config,
    hub: hubLine.office(),
  });
  try {
    const onlineAtHub = async () => {
      const { state } = await book.read(hubOffice, { counts: { serviceId: 'pasy', from: day, to: day } }, tuesdayNine);
      return daySlots(config, state, config.services.find((s) => s.id === 'pasy')!, day, tuesdayNine).map((s) => s.startsAt);
    };
    const before = await onlineAtHub();
    const slot = before[2]!;
    const base = `http://127.0.0.1:${office.server.httpPort}`;
    await addAccount(base, 'novak', 'clerk');
    const clerk = staffClient(base);
    await clerk.login('novak');
    const booked = await clerk.call('POST', '/api/staff/bookings', { serviceId: 'pasy', startsAt: slot, name: 'Marie Svobodová', phone: '+420 777 123 456', language: 'cs' });
    assert.is(booked.status, 201, JSON.stringify(booked.body));
    // The office reports after each sweep (each office minute).
    await office.server.bookings.sweep();
    await eventually('the slot taken at the hub', async () => !(await onlineAtHub()).includes(slot), crossing);
    assert.equal(
      await onlineAtHub(),
      before.filter((t) => t !== slot),
      'only that slot',
    );

    const id = booked.body!.id as string;
    assert.is((await clerk.call('POST', `/api/staff/bookings/${id}/cancel`, { notify: false })).status, 204);
    await office.server.bookings.sweep();
    await eventually('the slot offered again at the hub', async () => (await onlineAtHub()).includes(slot), crossing);
    const rows = (await pool.query('SELECT status FROM hub_office_bookings')).rows;
    assert.equal(rows, [{ status: 'cancelled' }], 'one row for the booking, in its newest state');
  } finally {
    await office.stop();
    await hubLine.stop();
  }
});

test.run();
