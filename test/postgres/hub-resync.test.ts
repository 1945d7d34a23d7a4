import mqtt from 'mqtt';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BookingJournalEntry } from '../../broker/booking/booking-journal.ts';
import { cryptoDraw } from '../../broker/booking/booking-ledger.ts';
import * as rules from '../../broker/booking/booking-rules.ts';
import { staffSlots } from '../../broker/booking/slots.ts';
import { HubBook, type HubOffice } from '../../broker/hub/hub-book.ts';
import { MemoryJournalStore } from '../../broker/store/journal-store.ts';
import { bookCallerAtHub } from '../../scripts/lib/hub-caller.ts';
import { addDays, officeDay } from '../../shared/calendar/office-calendar.ts';
import { eventually } from '../support/eventually.ts';
import { crossing, hubLineUsers, startHubLine } from '../support/hub-line.ts';
import { kostelec, runOffice, tuesdayNine } from '../support/office-fixture.ts';

const config = kostelec();
const hubOffice: HubOffice = { id: 'kostelec', config, suspension: null, addressSalt: 'hub' };

test('an office whose broker session is new gets the bookings made before it: at its first start, and after its session expired while it was away', async () => {
  const hubLine = await startHubLine();
  const { pool } = hubLine;
  const book = new HubBook(pool, cryptoDraw);
  const bookingStore = new MemoryJournalStore<BookingJournalEntry>();
  // One uplink outbox for each start of the office, as its data directory keeps it.
  const hub = hubLine.office();
  let slot = 0;
  const bookAtHub = async (name: string, day: string) => {
    const { state } = await book.read(hubOffice, { counts: { serviceId: 'pasy', from: day, to: day } }, tuesdayNine);
    const startsAt = staffSlots(config, state, config.services.find((s) => s.id === 'pasy')!, day, tuesdayNine)[slot++]!.startsAt;
    return bookCallerAtHub(book, hubOffice, { serviceId: 'pasy', startsAt, name }, tuesdayNine);
  };
  const today = officeDay(tuesdayNine);
  let office: Awaited<ReturnType<typeof runOffice>> | undefined;
  try {
    // Booked before the office ever connected to the hub: the feed sent them to nobody.
    const marie = await bookAtHub('Marie Svobodová', today);
    const petr = await bookAtHub('Petr Dvořák', addDays(today, 6));
    const cancelled = await bookAtHub('Jan Novák', addDays(today, 1));
    assert.ok((await book.change(hubOffice, { find: { id: cancelled.id } }, tuesdayNine, (ctx) => ({ ok: true, data: rules.cancel(ctx, ctx.state.bookings.get(cancelled.id)!) }))).ok);
    await eventually('the feed sent', async () => (await pool.query('SELECT 1 FROM hub_office_feed')).rowCount === 0, crossing);

    office = await runOffice({ config, bookingStore, hub });
    const copy = (id: string) => office!.server.bookings.ledger.bookings().find((b) => b.id === id);
    await eventually(
      'the bookings made before the first start',
      () => copy(marie.id)?.code === marie.code && copy(petr.id)?.code === petr.code && copy(cancelled.id)?.status === 'cancelled',
      crossing,
    );
    await office.stop();

    // Away longer than the session lasts: the broker forgets the session, and what it held for it.
    const olga = await bookAtHub('Olga Černá', addDays(today, 2));
    await eventually('the feed sent to the session', async () => (await pool.query('SELECT 1 FROM hub_office_feed')).rowCount === 0, crossing);
    const expiry = await mqtt.connectAsync(hubLine.brokerUrl, {
      clientId: 'office-kostelec',
      username: 'kostelec',
      password: hubLineUsers.kostelec,
      protocolVersion: 5,
      clean: true,
      reconnectPeriod: 0,
    });
    await expiry.endAsync();
    office = await runOffice({ config, bookingStore, hub });
    await eventually('the booking made while the office was away', () => copy(olga.id)?.code === olga.code, crossing);
    assert.equal([copy(marie.id)?.status, copy(cancelled.id)?.status], ['confirmed', 'cancelled'], 'the resent copies changed nothing');
  } finally {
    await office?.stop();
    await hubLine.stop();
  }
});

test.run();
