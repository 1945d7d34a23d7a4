import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BookingJournalEntry } from '../../broker/booking/booking-journal.ts';
import { cryptoDraw } from '../../broker/booking/booking-ledger.ts';
import * as rules from '../../broker/booking/booking-rules.ts';
import { staffSlots } from '../../broker/booking/slots.ts';
import { HubBook, type HubOffice } from '../../broker/hub/hub-book.ts';
import { HubLink } from '../../broker/hub/hub-link.ts';
import { createLogger } from '../../broker/log.ts';
import { MemoryDocumentStore } from '../../broker/store/document-store.ts';
import { MemoryJournalStore } from '../../broker/store/journal-store.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import { bookCallerAtHub } from '../../scripts/lib/hub-caller.ts';
import { addDays, officeDay } from '../../shared/calendar/office-calendar.ts';
import { eventually } from '../support/eventually.ts';
import { startMosquitto } from '../support/mosquitto.ts';
import { kostelec, runOffice, tuesdayNine } from '../support/office-fixture.ts';
import { startPostgres } from '../support/postgres.ts';

const users = { hub: 'hub-secret', kostelec: 'kostelec-secret' };
const acl = await readFile(fileURLToPath(new URL('../../deploy/hub/mosquitto.acl', import.meta.url)), 'utf8');
const log = createLogger('hub', () => {});
// Messages cross a broker: bounded generously, for a busy machine.
const crossing = 30_000;
const config = kostelec();
const hubOffice: HubOffice = { id: 'kostelec', config, suspension: null, addressSalt: 'hub' };

test('an office whose broker session is new gets the bookings made before it: at its first start, and after its session expired while it was away', async () => {
  const postgres = await startPostgres();
  const broker = await startMosquitto(users, acl);
  const pool = await postgres.database();
  await migrate(pool);
  const link = new HubLink({ url: broker.url, password: users.hub, pool, log });
  await link.start();
  const book = new HubBook(pool, cryptoDraw);
  const bookingStore = new MemoryJournalStore<BookingJournalEntry>();
  const uplinkStore = new MemoryDocumentStore();
  const hub = { url: broker.url, officeId: 'kostelec', password: users.kostelec, store: uplinkStore, bookingSite: 'http://hub.example/o/kostelec' };
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
    const expiry = await mqtt.connectAsync(broker.url, { clientId: 'office-kostelec', username: 'kostelec', password: users.kostelec, protocolVersion: 5, clean: true, reconnectPeriod: 0 });
    await expiry.endAsync();
    office = await runOffice({ config, bookingStore, hub });
    await eventually('the booking made while the office was away', () => copy(olga.id)?.code === olga.code, crossing);
    assert.equal([copy(marie.id)?.status, copy(cancelled.id)?.status], ['confirmed', 'cancelled'], 'the resent copies changed nothing');
  } finally {
    await office?.stop();
    await link.stop();
    await broker.stop();
    await postgres.stop();
  }
});

test.run();
