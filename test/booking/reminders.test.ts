import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BookingJournalEntry } from '../../broker/booking/booking-journal.ts';
import { type Booking, bookingState } from '../../broker/booking/booking-state.ts';
import { dueReminders, reminderAt } from '../../broker/booking/reminders.ts';
import { MemoryJournalStore } from '../../broker/store/journal-store.ts';
import { eventually } from '../support/eventually.ts';
import { kostelec, runOffice, tuesdayNine } from '../support/office-fixture.ts';
import { smtpInbox } from '../support/smtp-inbox.ts';
import { addAccount, adminToken, staffClient } from '../support/staff-client.ts';

const spravni = { workplaceId: 'spravni' };

test('the reminder is due at 14:00 Prague time the working day before, on both sides of a change of summer time, and skips weekends and holidays', () => {
  const config = kostelec();
  // Summer time ends on Sunday 25 October 2026: the Friday before is still CEST (UTC+2).
  assert.is(new Date(reminderAt(config, { ...spravni, day: '2026-10-26' })!).toISOString(), '2026-10-23T12:00:00.000Z');
  // It begins on Sunday 28 March 2027, Easter Sunday: Friday 26 March is Good Friday, a public
  // holiday, and Monday 29 March Easter Monday; an appointment on Tuesday 30 March is reminded on
  // Thursday 25 March, in CET (UTC+1).
  assert.is(new Date(reminderAt(config, { ...spravni, day: '2027-03-30' })!).toISOString(), '2027-03-25T13:00:00.000Z');
  // One on Monday 5 April 2027 (the next week, CEST) on Friday 2 April, 14:00 CEST.
  assert.is(new Date(reminderAt(config, { ...spravni, day: '2027-04-05' })!).toISOString(), '2027-04-02T12:00:00.000Z');
  // 24, 25 and 26 December are public holidays, 27 December 2026 a Sunday.
  assert.is(new Date(reminderAt(config, { ...spravni, day: '2026-12-28' })!).toISOString(), '2026-12-23T13:00:00.000Z');
  const twoDays = kostelec((c) => {
    c.booking = { reminder: { workingDaysBefore: 2, at: '09:30' } };
  });
  assert.is(new Date(reminderAt(twoDays, { ...spravni, day: '2026-11-30' })!).toISOString(), '2026-11-26T08:30:00.000Z');
  assert.is(
    reminderAt(
      kostelec((c) => {
        c.booking = { reminder: { enabled: false } };
      }),
      { ...spravni, day: '2026-11-30' },
    ),
    undefined,
  );
});

test('no reminder while booking is suspended for the workplace, unless the office chose to remind anyway', () => {
  const booking: Booking = {
    id: 'b1',
    serviceId: 'pasy',
    workplaceId: 'spravni',
    day: '2026-11-25',
    startsAt: Date.parse('2026-11-25T08:00:00+01:00'),
    status: 'confirmed',
    createdAt: tuesdayNine,
    confirmedAt: tuesdayNine,
    heldUntil: tuesdayNine,
    confirmToken: 't',
    language: 'cs',
    code: '12345678',
    icsSequence: 0,
    person: { name: 'Jana Dvořáková', email: 'jana@example.cz', emailKey: 'jana@example.cz' },
  };
  const state = bookingState({ seq: 0, addressSalt: 'salt', bookings: { b1: booking }, suspension: null });
  const now = Date.parse('2026-11-24T14:00:00+01:00');
  const due = (config: ReturnType<typeof kostelec>) => dueReminders({ config, state, now, draw: { id: () => 'x', token: () => 'x', code: () => 'x' } }).map((b) => b.id);
  assert.equal(due(kostelec()), ['b1']);
  state.suspension = { workplaceIds: ['spravni'], notice: { cs: 'Pozastaveno', en: 'Suspended' }, since: tuesdayNine };
  assert.equal(due(kostelec()), []);
  assert.equal(
    due(
      kostelec((c) => {
        c.booking = { reminder: { duringSuspension: true } };
      }),
    ),
    ['b1'],
  );
});

test('a reminder goes once: not before its time, not again at the next sweep or after a restart, not for a booking made after its moment or cancelled; a write that fails at that moment sends it at the next sweep, once', async () => {
  const inbox = await smtpInbox();
  const bookingStore = new MemoryJournalStore<BookingJournalEntry>();
  const start = (at = tuesdayNine) => runOffice({ adminToken, mailer: inbox.mailer, bookingStore, at });
  let office = await start();
  try {
    const base = () => `http://127.0.0.1:${office.server.httpPort}`;
    await addAccount(base(), 'novak', 'clerk');
    const clerk = staffClient(base());
    await clerk.login('novak');
    const slots = (await clerk.call('GET', '/api/staff/services/pasy/slots?day=2026-11-25')).body!.slots as { startsAt: number }[];
    const book = async (k: number, name: string) =>
      (await clerk.call('POST', '/api/staff/bookings', { serviceId: 'pasy', startsAt: slots[k]!.startsAt, name, email: `${name.split(' ')[0]!.toLowerCase()}@example.cz`, language: 'cs' })).body!;
    await book(0, 'Jana Dvořáková');
    const cancelled = await book(1, 'Karel Novotný');
    assert.is((await clerk.call('POST', `/api/staff/bookings/${cancelled.id}/cancel`, { notify: false })).status, 204);
    const sentBefore = inbox.mails.length;
    const reminders = () => inbox.mails.filter((m) => m.subject?.startsWith('Připomínka'));

    office.clock.set(Date.parse('2026-11-24T13:59:00+01:00'));
    await office.server.bookings.sweep();
    await office.server.bookings.ledger.sendDue();
    assert.is(reminders().length, 0, 'not before 14:00');

    office.clock.set(Date.parse('2026-11-24T14:00:00+01:00'));
    bookingStore.failing = true;
    await office.server.bookings.sweep();
    await office.server.bookings.ledger.sendDue();
    assert.is(reminders().length, 0, 'the write failed: nothing is recorded, nothing is sent');
    bookingStore.failing = false;

    office.clock.set(Date.parse('2026-11-24T14:01:00+01:00'));
    await office.server.bookings.sweep();
    await office.server.bookings.ledger.sendDue();
    const mail = await eventually('the reminder', () => reminders()[0]);
    assert.is(mail.subject, 'Připomínka: Cestovní doklady, středa 25. listopadu 2026 v 8:00');
    assert.match(mail.text!, /Identifikační kód: \d{8}/);
    assert.equal(mail.to && 'value' in mail.to ? mail.to.value.map((a) => a.address) : [], ['jana@example.cz']);

    // Booked after the moment: none; the sweep after that, and a restart, send nothing again.
    await book(2, 'Petra Malá');
    await office.server.bookings.sweep();
    await office.stop();
    office = await start(Date.parse('2026-11-24T14:05:00+01:00'));
    await office.server.bookings.sweep();
    await office.server.bookings.ledger.sendDue();
    assert.is(reminders().length, 1);
    assert.is(inbox.mails.length - sentBefore, 1, 'no other mail went');
  } finally {
    await office.stop();
    await inbox.stop();
  }
});

test.run();
