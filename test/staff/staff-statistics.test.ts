import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BookingJournalEntry } from '../../broker/booking/booking-journal.ts';
import { kioskRequest } from '../../broker/mqtt/engine-bridge.ts';
import { MemoryDocumentStore } from '../../broker/store/document-store.ts';
import { MemoryJournalStore } from '../../broker/store/journal-store.ts';
import { MemoryStore } from '../../broker/store/memory-store.ts';
import type { StatisticsReport } from '../../shared/contract/staff-api.ts';
import { eventually } from '../support/eventually.ts';
import { runOffice } from '../support/office-fixture.ts';
import { addAccount, adminToken, staffClient } from '../support/staff-client.ts';

test("a finished day is recorded when the day rolls over and outlives a restart; today's counts come live; CSV for the spreadsheet", async () => {
  const store = new MemoryStore();
  const statisticsStore = new MemoryDocumentStore();
  const office = await runOffice({ adminToken, store, statisticsStore });
  const press = (serviceId: string) =>
    office.server.engine.kioskRequest('kiosk-hala', { kind: 'walkIn', requestId: `stat-${Math.random().toString(36).slice(2, 12)}`, pressedAt: office.clock.now(), serviceId });
  try {
    await press('pasy');
    await press('pasy');
    await press('obcanky');
    const base = `http://127.0.0.1:${office.server.httpPort}`;
    await addAccount(base, 'novak', 'clerk');
    const clerk = staffClient(base);
    await clerk.login('novak');
    const read = async (from: string, to: string) => (await clerk.call('GET', `/api/staff/statistics?from=${from}&to=${to}`)).body as unknown as StatisticsReport;
    assert.equal(
      (await read('2026-11-24', '2026-11-24')).byService.map((r) => [r.key, r.issued]),
      [
        ['obcanky', 1],
        ['pasy', 2],
      ],
      'today, live',
    );

    office.clock.set(Date.parse('2026-11-25T09:00:00+01:00'));
    await press('pasy');
    await eventually('the day recorded', () => statisticsStore.text?.includes('2026-11-24'));
    await clerk.login('novak'); // the session of yesterday has ended
    const both = await read('2026-11-24', '2026-11-25');
    assert.equal(
      both.byDay.map((r) => [r.key, r.issued]),
      [
        ['2026-11-24', 3],
        ['2026-11-25', 1],
      ],
    );
    assert.equal(
      both.byHour.map((r) => [r.key, r.issued]),
      [['09', 4]],
    );

    const csv = await fetch(`${base}/api/staff/statistics.csv?from=2026-11-24&to=2026-11-25`, { headers: { cookie: clerk.cookie } });
    const lines = Buffer.from(await csv.arrayBuffer())
      .subarray(3)
      .toString('utf8')
      .trim()
      .split('\r\n');
    assert.match(lines[0]!, /^den;služba;hodina;vydáno lístků;obslouženo;/);
    assert.equal(
      lines.slice(1).map((l) => l.split(';').slice(0, 4).join(';')),
      ['2026-11-24;Občanské průkazy;09;1', '2026-11-24;Cestovní doklady;09;2', '2026-11-25;Cestovní doklady;09;1'],
    );
    assert.is((await clerk.call('GET', '/api/staff/statistics?from=2026-11-25&to=2026-11-24')).status, 400);
  } finally {
    await office.stop();
  }
  const again = await runOffice({ adminToken, store, statisticsStore, at: Date.parse('2026-11-25T10:00:00+01:00') });
  try {
    const base = `http://127.0.0.1:${again.server.httpPort}`;
    await addAccount(base, 'novak', 'clerk');
    const clerk = staffClient(base);
    await clerk.login('novak');
    const report = (await clerk.call('GET', '/api/staff/statistics?from=2026-11-01&to=2026-11-30')).body as unknown as StatisticsReport;
    assert.equal(
      report.byDay.map((r) => [r.key, r.issued]),
      [
        ['2026-11-24', 3],
        ['2026-11-25', 1],
      ],
    );
  } finally {
    await again.stop();
  }
});

test("a server switched off over midnight counts the finished day's bookings in the day it records as it starts", async () => {
  const store = new MemoryStore();
  const statisticsStore = new MemoryDocumentStore();
  const bookingStore = new MemoryJournalStore<BookingJournalEntry>();
  const office = await runOffice({ adminToken, store, statisticsStore, bookingStore });
  try {
    const base = `http://127.0.0.1:${office.server.httpPort}`;
    await addAccount(base, 'novak', 'clerk');
    const clerk = staffClient(base);
    await clerk.login('novak');
    const slots = (await clerk.call('GET', '/api/staff/services/pasy/slots?day=2026-11-24')).body!.slots as { startsAt: number }[];
    const book = async (name: string, phone: string, k: number) => {
      const booked = await clerk.call('POST', '/api/staff/bookings', { serviceId: 'pasy', name, phone, language: 'cs', startsAt: slots[k]!.startsAt });
      assert.is(booked.status, 201, JSON.stringify(booked.body));
      return booked.body!.code as string;
    };
    const kept = await book('Marie Svobodová', '+420 777 123 456', 0);
    await book('Petr Dvořák', '+420 777 654 321', 1);
    const parts = { engine: office.server.engine, bookings: office.server.bookings.checkIns, clerkAt: () => undefined };
    const reply = await kioskRequest(parts, 'kiosk-hala', { kind: 'checkIn', requestId: 'kept-booking', pressedAt: office.clock.now(), code: kept });
    assert.ok(reply.ok, JSON.stringify(reply));
  } finally {
    await office.stop();
  }
  const morning = await runOffice({ adminToken, store, statisticsStore, bookingStore, at: Date.parse('2026-11-25T08:00:00+01:00') });
  try {
    await eventually('Tuesday recorded', () => statisticsStore.text?.includes('2026-11-24'));
    const base = `http://127.0.0.1:${morning.server.httpPort}`;
    await addAccount(base, 'novak', 'clerk');
    const clerk = staffClient(base);
    await clerk.login('novak');
    const tuesday = ((await clerk.call('GET', '/api/staff/statistics?from=2026-11-24&to=2026-11-24')).body as unknown as StatisticsReport).byDay[0]!;
    assert.equal([tuesday.bookingsMade, tuesday.bookingsKept], [2, 1]);
  } finally {
    await morning.stop();
  }
});

test.run();
