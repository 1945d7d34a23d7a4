import { type Challenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type BookingJournalEntry, durableBookings } from '../../broker/booking/booking-journal.ts';
import { Bookings } from '../../broker/booking/bookings.ts';
import { createLogger } from '../../broker/log.ts';
import type { Mailer, MailMessage } from '../../broker/mail/mailer.ts';
import { MemoryJournalStore } from '../../broker/store/journal-store.ts';
import { ManualClock } from '../../shared/clock.ts';
import { withPublicBase } from '../../shared/config/public-address.ts';
import type { ProofOfWork } from '../../shared/contract/booking-api.ts';
import { confirmTokenIn } from '../support/booking-client.ts';
import { eventually } from '../support/eventually.ts';
import { kostelecEasyProof, tuesdayNine } from '../support/office-fixture.ts';

type BookingStore = MemoryJournalStore<BookingJournalEntry>;

const config = withPublicBase(kostelecEasyProof(), 'http://localhost:8080');
const tenAm = Date.parse('2026-11-25T10:00:00+01:00');

/** A mail server that accepts, refuses, or hangs (the process dies before it answers) as told. */
function mailServer(decide: (message: MailMessage) => 'accept' | 'refuse' | 'hang' = () => 'accept'): Mailer & { accepted: MailMessage[] } {
  const accepted: MailMessage[] = [];
  return {
    accepted,
    reachesCitizens: true,
    send(message) {
      const decision = decide(message);
      if (decision === 'hang') return new Promise<void>(() => {});
      // As relays word it: the refusal names the recipient.
      if (decision === 'refuse') return Promise.reject(new Error(`450 4.2.0 <${message.to}>: Recipient address rejected: try again later`));
      accepted.push(message);
      return Promise.resolve();
    },
    close() {},
  };
}

async function service(store: BookingStore, clock: ManualClock, mailer: Mailer, logs: string[] = []) {
  const booking = new Bookings({ config: () => config, clock, store, mailer, log: createLogger('booking', (line) => logs.push(line)) });
  await booking.start();
  return booking;
}

async function hold(booking: Bookings): Promise<void> {
  const challenge = (await booking.citizens.challenge()) as Challenge;
  const solution = (await solveChallenge({ challenge, deriveKey }))!;
  const proof = { challenge: challenge as ProofOfWork['challenge'], solution };
  const held = await booking.citizens.hold({ serviceId: 'pasy', startsAt: tenAm, name: 'Jana Nováková', email: 'jana@example.cz', consent: true, language: 'cs', proof }, '127.0.0.1');
  assert.ok(held.ok, JSON.stringify(held));
}

const queuedIn = (store: BookingStore) => [...durableBookings(store.durable())!.outbox.values()].map((m) => m.id);

test('a confirmation stored but not yet mailed when the server died is mailed after the restart, once, with the same Message-ID; the retried confirmation sends nothing more', async () => {
  const store: BookingStore = new MemoryJournalStore();
  const clock = new ManualClock(tuesdayNine);
  const dying = mailServer((m) => (m.calendar ? 'hang' : 'accept'));
  const first = await service(store, clock, dying);
  await hold(first);
  const token = confirmTokenIn(dying.accepted[0]!.text);
  void first.citizens.confirm(token);
  const [queued] = await eventually('the code mail stored with the confirmation', () => queuedIn(store).length === 1 && queuedIn(store));
  first.stop();

  const mails = mailServer();
  const second = await service(store, clock, mails);
  await eventually('the code mail sent after the restart', () => mails.accepted.length === 1);
  assert.is(mails.accepted[0]!.id, queued, 'the Message-ID the crashed attempt would have used');
  assert.match(mails.accepted[0]!.text, /\d{8}/);
  await eventually('the mail taken off the queue', () => queuedIn(store).length === 0);
  const again = await second.citizens.confirm(token);
  assert.ok(again.ok && again.data.alreadyConfirmed);
  assert.is(mails.accepted.length, 1);
  second.stop();
});

test('a cancellation mail the mail server refuses stays queued, is retried later, and goes out once the server takes it', async () => {
  const store: BookingStore = new MemoryJournalStore();
  const clock = new ManualClock(tuesdayNine);
  let refusing = false;
  const mails = mailServer(() => (refusing ? 'refuse' : 'accept'));
  const logs: string[] = [];
  const booking = await service(store, clock, mails, logs);
  await hold(booking);
  const confirmed = await booking.citizens.confirm(confirmTokenIn(mails.accepted[0]!.text));
  assert.ok(confirmed.ok);
  refusing = true;
  const cancelled = await booking.citizens.cancel(confirmed.data.code, 'jana@example.cz');
  assert.ok(cancelled.ok, 'the cancellation stands though its mail could not go');
  assert.equal(
    booking.ledger.queuedMails().map((m) => m.attempts),
    [1],
  );
  await booking.ledger.sendDue();
  assert.is(booking.ledger.queuedMails()[0]!.attempts, 1, 'not retried before its time');
  clock.advance(61_000);
  refusing = false;
  await booking.ledger.sendDue();
  assert.is(booking.ledger.queuedMails().length, 0);
  assert.equal(
    mails.accepted.map((m) => m.calendar?.method ?? 'link'),
    ['link', 'REQUEST', 'CANCEL'],
  );
  assert.ok(
    logs.some((l) => l.includes('mail not sent, will retry')),
    'the failure is logged',
  );
  const personal = ['jana@example.cz', 'Nováková', confirmed.data.code];
  assert.equal(
    logs.filter((l) => personal.some((p) => l.includes(p))),
    [],
    "the log names no citizen's address, name or code",
  );
  booking.stop();
});

test.run();
