import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ManualClock } from '../../shared/clock.ts';
import { withPublicBase } from '../../shared/config/public-address.ts';
import { kostelec } from '../../test/support/office-fixture.ts';
import { tempDir } from '../../test/support/temp-dir.ts';
import { createLogger } from '../log.ts';
import type { Mailer } from '../mail/mailer.ts';
import { FileJournalStore, type JournalStore, MemoryJournalStore } from '../store/journal-store.ts';
import { type BookingJournalEntry, durableBookings } from './booking-journal.ts';
import { BookingLedger } from './booking-ledger.ts';
import { holdMail } from './booking-mails.ts';
import * as rules from './booking-rules.ts';
import { emailKey } from './email-key.ts';
import { slotStarts } from './slots.ts';

const config = withPublicBase(
  kostelec((c) => {
    c.booking = { limits: { pendingHoldsPerAddress: 1000, placesPerAddressPerDay: 1000 } };
    // Room for a few hundred holds on one day.
    for (const s of c.services) if (s.booking) s.booking = { slotMinutes: 15, placesPerSlot: 20, onlinePlaces: { mon: 500, tue: 500, wed: 500, thu: 500, fri: 500, sat: 0, sun: 0 } };
  }),
  'http://localhost:8080',
);
const tuesdayNine = Date.parse('2026-11-24T09:00:00+01:00');
const quiet: Mailer = { reachesCitizens: true, async send() {}, close() {} };
const pasy = config.services.find((s) => s.id === 'pasy')!;
const slots = slotStarts(config, pasy, '2026-11-25');

async function ledgerOn(store: JournalStore<BookingJournalEntry>, logs: string[] = []): Promise<BookingLedger> {
  const ledger = new BookingLedger({ config: () => config, clock: new ManualClock(tuesdayNine), store, mailer: quiet, log: createLogger('booking', (l) => logs.push(l)) });
  await ledger.load();
  return ledger;
}

function hold(ledger: BookingLedger, k: number) {
  const email = `klient${k}@example.cz`;
  const person = { name: `Klient ${k}`, email, emailKey: emailKey(email) };
  return ledger.change((ctx) => {
    const held = rules.hold(ctx, { serviceId: 'pasy', startsAt: slots[k % slots.length]!, person, language: 'cs', clientKey: 'client' });
    if (held.ok) ledger.queue(holdMail(ctx.config, held.data, person));
    return held;
  });
}

/** Everything a restart must give back, as one comparable value. */
const everything = (ledger: BookingLedger) => JSON.parse(JSON.stringify(ledger.context().state));

test('each change appends only the rows it wrote; a restart on the same files gives back the same bookings, mails, suspension and SMS use', async () => {
  const dir = await tempDir();
  const path = join(dir.path, 'bookings.json');
  try {
    const first = await ledgerOn(new FileJournalStore(path));
    const snapshotBefore = await readFile(path, 'utf8');
    for (let k = 0; k < 5; k++) assert.ok((await hold(first, k)).ok);
    const token = first.bookings()[0]!.confirmToken;
    assert.ok((await first.change((ctx) => rules.confirm(ctx, token))).ok);
    await first.change((ctx) => {
      rules.suspend(ctx, { workplaceIds: ['spravni'], notice: { cs: 'Zavřeno', en: 'Closed' }, cancelExisting: false });
      return { ok: true, data: null };
    });
    const lines = (await readFile(join(dir.path, 'bookings.journal'), 'utf8')).split('\n').filter(Boolean);
    assert.is(lines.length, 7, 'one line per change');
    assert.is(await readFile(path, 'utf8'), snapshotBefore, 'the snapshot is not rewritten');
    const entries = lines.map((l) => JSON.parse(l) as BookingJournalEntry);
    assert.equal(Object.keys(entries[2]!.tables.bookings!).length, 1, 'a hold writes its own booking, not the others');
    assert.equal(Object.keys(entries[5]!.tables), ['bookings'], 'a confirmation writes the booking alone');
    assert.ok(entries[6]!.suspension, 'the suspension goes when it changes');
    assert.is(entries[5]!.suspension, undefined, 'and not with every change');
    const second = await ledgerOn(new FileJournalStore(path));
    assert.equal(everything(second), everything(first));
    assert.is(second.bookings().find((b) => b.confirmToken === token)!.status, 'confirmed');
    await Promise.all([first.close(), second.close()]);
  } finally {
    await dir.remove();
  }
});

test('once the journal outgrows the snapshot the write is a new snapshot, the journal starts again, and the state reads back the same', async () => {
  const store = new MemoryJournalStore<BookingJournalEntry>();
  const ledger = await ledgerOn(store);
  let compactions = 0;
  for (let k = 0; k < 300; k++) {
    const before = store.snapshotText;
    assert.ok((await hold(ledger, k)).ok);
    if (store.snapshotText !== before) compactions++;
    assert.ok(store.sizes().journal <= Math.max(store.sizes().snapshot, 256 * 1024) + 20_000, 'the journal stays within the snapshot’s size');
  }
  assert.ok(compactions >= 1, `compacted ${compactions} times`);
  assert.equal(JSON.parse(JSON.stringify(durableBookings(store.durable()))), everything(ledger));
});

test('a torn last line and entries a snapshot already holds are skipped: nothing deleted comes back, nothing unacknowledged appears', async () => {
  const dir = await tempDir();
  const path = join(dir.path, 'bookings.json');
  try {
    const store = new FileJournalStore<BookingJournalEntry>(path);
    const ledger = await ledgerOn(store);
    assert.ok((await hold(ledger, 1)).ok);
    const held = ledger.bookings()[0]!;
    const journal = await readFile(join(dir.path, 'bookings.journal'), 'utf8');
    await ledger.change((ctx) => {
      ctx.state.bookings.delete(held.id);
      return { ok: true, data: null };
    });
    // A compaction cut short: the snapshot written (after the deletion), the journal of the hold not yet emptied.
    await store.snapshot(JSON.stringify(ledger.context().state));
    await appendFile(join(dir.path, 'bookings.journal'), `${journal}\n{"seq":99,"tables":{"bookings":{"torn":`);
    await ledger.close();
    const again = await ledgerOn(new FileJournalStore(path));
    assert.equal(again.bookings(), [], 'the deleted hold stays deleted');
    assert.is(again.seq, ledger.seq);
    await again.close();
  } finally {
    await dir.remove();
  }
});

test('a write that fails takes back exactly the changes it carried; the next write carries only what came after', async () => {
  const store = new MemoryJournalStore<BookingJournalEntry>();
  const logs: string[] = [];
  const ledger = await ledgerOn(store, logs);
  assert.ok((await hold(ledger, 1)).ok);
  store.failing = true;
  assert.equal(await hold(ledger, 2), { ok: false, error: { code: 'storageFailed' } });
  store.failing = false;
  assert.equal(
    ledger.bookings().map((b) => b.person?.email),
    ['klient1@example.cz'],
  );
  assert.ok((await hold(ledger, 3)).ok);
  assert.equal(
    [...durableBookings(store.durable())!.bookings.values()].map((b) => b.person?.email),
    ['klient1@example.cz', 'klient3@example.cz'],
    'the failed hold never reaches the journal',
  );
  assert.ok(logs.some((l) => l.includes('booking change not stored')));
});

test.run();
