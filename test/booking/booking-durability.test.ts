import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BookingJournalEntry } from '../../broker/booking/booking-journal.ts';
import { kioskRequest } from '../../broker/mqtt/engine-bridge.ts';
import { FileJournalStore, MemoryJournalStore } from '../../broker/store/journal-store.ts';
import { MemoryStore } from '../../broker/store/memory-store.ts';
import { bookingClient, confirmTokenIn } from '../support/booking-client.ts';
import { eventually } from '../support/eventually.ts';
import { kostelecEasyProof, runOffice } from '../support/office-fixture.ts';
import { smtpInbox } from '../support/smtp-inbox.ts';
import { tempDir } from '../support/temp-dir.ts';

const config = kostelecEasyProof();

test('a confirmed booking survives a restart of the server on the same bookings file', async () => {
  const dir = await tempDir();
  const inbox = await smtpInbox();
  const path = join(dir.path, 'bookings.json');
  try {
    const first = await runOffice({ config, mailer: inbox.mailer, bookingStore: new FileJournalStore(path) });
    const api = bookingClient(`http://127.0.0.1:${first.server.httpPort}`);
    const slot = (await api.slots('pasy', '2026-11-25')).body!.slots[0];
    await api.hold({ serviceId: 'pasy', startsAt: slot.startsAt });
    const code = (await api.confirm(confirmTokenIn((await eventually('mail', () => inbox.mails[0])).text!))).body!.code as string;
    await first.stop();

    const second = await runOffice({ config, mailer: inbox.mailer, bookingStore: new FileJournalStore(path) });
    try {
      const again = bookingClient(`http://127.0.0.1:${second.server.httpPort}`);
      assert.is((await again.cancelPreview(code, 'jana@example.cz')).body!.startsAt, slot.startsAt);
      assert.is.not((await again.slots('pasy', '2026-11-25')).body!.slots[0].startsAt, slot.startsAt, 'the place is still taken');
    } finally {
      await second.stop();
    }
  } finally {
    await inbox.stop();
    await dir.remove();
  }
});

test('when the bookings cannot be stored, the hold fails visibly without the server details, no mail goes out and nothing changes', async () => {
  const inbox = await smtpInbox();
  const store = new MemoryJournalStore<BookingJournalEntry>();
  const office = await runOffice({ config, mailer: inbox.mailer, bookingStore: store });
  const api = bookingClient(`http://127.0.0.1:${office.server.httpPort}`);
  try {
    const before = (await api.days('pasy')).body;
    const slot = (await api.slots('pasy', '2026-11-25')).body!.slots[0];
    store.failing = true;
    const failed = await api.hold({ serviceId: 'pasy', startsAt: slot.startsAt });
    assert.is(failed.status, 503);
    assert.equal(failed.body!.error, { code: 'storageFailed' }, 'what failed where is for the log, not the citizen');
    assert.ok(office.logs.some((line) => line.includes('booking change not stored')));
    assert.is(office.server.bookings.ledger.bookings().length, 0);
    assert.is(inbox.mails.length, 0);
    store.failing = false;
    assert.equal((await api.days('pasy')).body, before);
    assert.is((await api.hold({ serviceId: 'pasy', startsAt: slot.startsAt })).status, 201, 'the same place can be held once the disk is back');
  } finally {
    await office.stop();
    await inbox.stop();
  }
});

test("a check-in the bookings file never heard of (the server died, or its write failed) is taken from the engine's journal: no no-show for a client who came", async () => {
  const inbox = await smtpInbox();
  const queue = new MemoryStore();
  const bookings = new MemoryJournalStore<BookingJournalEntry>();
  const nineThirty = Date.parse('2026-11-24T09:30:00+01:00');
  const first = await runOffice({ config, mailer: inbox.mailer, store: queue, bookingStore: bookings, at: nineThirty - 3 * 3600_000 });
  let code = '';
  try {
    const api = bookingClient(`http://127.0.0.1:${first.server.httpPort}`);
    await api.hold({ serviceId: 'pasy', startsAt: nineThirty });
    code = (await api.confirm(confirmTokenIn((await eventually('mail', () => inbox.mails[0])).text!))).body!.code as string;
    first.clock.set(nineThirty - 60_000);
    bookings.failing = true;
    // As the bridge answers a kiosk: the booking looked up, the engine's answer, the bookings file's copy.
    const parts = { engine: first.server.engine, bookings: first.server.bookings.checkIns, clerkAt: () => undefined };
    const reply = await kioskRequest(parts, 'kiosk-hala', { kind: 'checkIn', requestId: 'crash-check-in', pressedAt: first.clock.now(), code });
    assert.ok(reply.ok, 'the ticket is issued: the journal holds the check-in');
    assert.ok(
      first.logs.some((line) => line.includes('booking change not stored')),
      'the failed copy is logged',
    );
    // The sweeper, past the window, reads the engine's record: no lapse.
    first.clock.set(nineThirty + 20 * 60_000);
    bookings.failing = false;
    await first.server.bookings.sweep();
    assert.is(first.server.bookings.ledger.bookings()[0]!.status, 'confirmed', 'not yet copied, but not lapsed either');
  } finally {
    bookings.failing = true;
    await first.stop();
  }
  bookings.failing = false;
  const second = await runOffice({ config, mailer: inbox.mailer, store: queue, bookingStore: bookings, at: nineThirty + 25 * 60_000 });
  try {
    const booking = second.server.bookings.ledger.bookings()[0]!;
    assert.equal([booking.status, booking.ticketNumber], ['checkedIn', 'C001'], 'reconciled at start');
  } finally {
    await second.stop();
    await inbox.stop();
  }
});

test.run();
