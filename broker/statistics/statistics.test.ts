import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { engineAt } from '../../test/support/engine-fixture.ts';
import { kostelec } from '../../test/support/office-fixture.ts';
import type { Booking } from '../booking/booking-state.ts';
import { aggregateDay } from './day-aggregate.ts';
import { statisticsReport, statisticsReports } from './statistics-report.ts';

const at = (time: string) => Date.parse(`2026-11-24T${time}:00+01:00`);

/** A passports morning with known answers: three tickets at 9:00, 9:10, 9:20, one at 10:05; counter 3 serves. */
async function morning() {
  const office = await engineAt({ at: at('09:00') });
  const step = async (time: string, act: () => Promise<unknown>) => {
    office.clock.set(at(time));
    await act();
  };
  await step('09:00', () => office.press('pasy'));
  await step('09:10', () => office.press('pasy'));
  await step('09:20', () => office.press('pasy'));
  await step('09:30', () => office.counter('prepazka-3', 'next')); // C001 waited 30
  await step('09:42', () => office.counter('prepazka-3', 'done')); // served in 12
  await step('09:42', () => office.counter('prepazka-3', 'next')); // C002 waited 32
  await step('09:45', () => office.counter('prepazka-3', 'noShow'));
  await step('09:45', () => office.counter('prepazka-3', 'next')); // C003 waited 25
  await step('10:05', () => office.counter('prepazka-3', 'done')); // served in 20
  await step('10:05', () => office.press('pasy')); // C004, still waiting
  return office.engine.dayState();
}

const booking = (id: string, time: string, status: Booking['status']): Booking => ({
  id,
  serviceId: 'pasy',
  workplaceId: 'spravni',
  day: '2026-11-24',
  startsAt: at(time),
  status,
  createdAt: at('08:00'),
  heldUntil: at('08:15'),
  confirmToken: id,
  language: 'cs',
  icsSequence: 0,
});
const bookings = [
  { ...booking('a', '09:15', 'checkedIn'), remindedAt: at('08:30') },
  booking('b', '09:30', 'lapsed'),
  booking('c', '10:00', 'cancelled'),
  { ...booking('d', '10:15', 'confirmed'), moves: 2, remindedAt: at('08:30') },
  booking('e', '10:30', 'held'),
];

test('a morning with known answers: issued, served, no-shows, waiting and service times per hour, and the bookings', async () => {
  const day = aggregateDay(await morning(), bookings);
  const [nine, ten] = statisticsReport([day], { from: '2026-11-24', to: '2026-11-24' }, 'hour');
  assert.equal(nine, {
    key: '09',
    issued: 3,
    served: 2,
    noShows: 1,
    waitMeanMinutes: 29,
    waitP90Minutes: 32,
    serviceMeanMinutes: 16,
    serviceP90Minutes: 20,
    bookingsMade: 2,
    bookingsKept: 1,
    bookingsLapsed: 1,
    bookingsCancelled: 0,
    transfers: 0,
    outOfOrder: 0,
    parkedMinutes: 0,
    lateWalkIns: 0,
    remindersSent: 1,
    bookingsMoved: 0,
    smsSent: 0,
    smsDelivered: 0,
    smsFailed: 0,
    smsLimited: 0,
  });
  assert.equal(ten, {
    key: '10',
    issued: 1,
    served: 0,
    noShows: 0,
    waitMeanMinutes: null,
    waitP90Minutes: null,
    serviceMeanMinutes: null,
    serviceP90Minutes: null,
    bookingsMade: 2,
    bookingsKept: 0,
    bookingsLapsed: 0,
    bookingsCancelled: 1,
    transfers: 0,
    outOfOrder: 0,
    parkedMinutes: 0,
    lateWalkIns: 0,
    remindersSent: 1,
    bookingsMoved: 2,
    smsSent: 0,
    smsDelivered: 0,
    smsFailed: 0,
    smsLimited: 0,
  });
  const [pasy] = statisticsReport([day], { from: '2026-11-24', to: '2026-11-24' }, 'service');
  assert.equal([pasy!.key, pasy!.issued, pasy!.served, pasy!.bookingsMade], ['pasy', 4, 2, 4], 'a held booking is not one made');
});

test('a late code that took a walk-in ticket counts as late, in the hour its ticket was printed', async () => {
  const config = kostelec((c) => {
    c.booking = { lateArrivalWalkIn: true };
  });
  const late = { id: 'b', serviceId: 'pasy', startsAt: at('09:30') };
  const office = await engineAt({ at: at('09:50'), config, bookings: { find: () => late, due: () => [] } });
  const reply = await office.engine.kioskRequest('kiosk-hala', { kind: 'lateWalkIn', requestId: 'late-stat', pressedAt: office.clock.now(), code: '12345678' }, late);
  assert.ok(reply.ok);
  const [nine] = statisticsReport([aggregateDay(office.engine.dayState(), [booking('b', '09:30', 'lapsed')])], { from: '2026-11-24', to: '2026-11-24' }, 'hour');
  assert.equal([nine?.issued, nine?.lateWalkIns, nine?.bookingsLapsed], [1, 1, 1]);
});

test("a day's SMS counts land in their service's hour, beside its tickets, and add up across the services of the hour", async () => {
  const sms = {
    'pasy/9': { sent: 3, delivered: 2, failed: 1, limited: 0 },
    'obcanky/9': { sent: 1, delivered: 1, failed: 0, limited: 2 },
    'pasy/14': { sent: 1, delivered: 0, failed: 0, limited: 0 },
  };
  const day = aggregateDay(await morning(), [], sms);
  const byHour = statisticsReport([day], { from: '2026-11-24', to: '2026-11-24' }, 'hour');
  const nine = byHour.find((r) => r.key === '09')!;
  assert.equal([nine.smsSent, nine.smsDelivered, nine.smsFailed, nine.smsLimited], [4, 3, 1, 2]);
  assert.ok(nine.issued > 0, 'the same row as the tickets of nine');
  assert.is(byHour.find((r) => r.key === '14')?.smsSent, 1, 'an hour with messages and no tickets still shows');
});

test('days merge: means weigh every ticket, the 90th percentile is of all of them, and the range and service filter apply', async () => {
  const first = aggregateDay(await morning(), []);
  const second = { ...structuredClone(first), day: '2026-11-25' };
  const other = { ...structuredClone(first), day: '2026-12-01' };
  const [both] = statisticsReport([first, second, other], { from: '2026-11-24', to: '2026-11-30', serviceId: 'pasy' }, 'service');
  assert.equal([both!.issued, both!.served, both!.waitMeanMinutes, both!.waitP90Minutes], [8, 4, 29, 32]);
  assert.equal(
    statisticsReport([first, second, other], { from: '2026-11-24', to: '2026-11-30' }, 'day').map((r) => r.key),
    ['2026-11-24', '2026-11-25'],
  );
  assert.equal(statisticsReport([first], { from: '2026-11-24', to: '2026-11-24', serviceId: 'obcanky' }, 'service'), []);
});

test('the three groupings made at once equal each made on its own, over several days and services', async () => {
  const first = aggregateDay(await morning(), bookings);
  const days = [first, { ...structuredClone(first), day: '2026-11-25' }, { ...structuredClone(first), day: '2026-11-26' }];
  for (const query of [
    { from: '2026-11-24', to: '2026-11-26' },
    { from: '2026-11-25', to: '2026-11-26', serviceId: 'pasy' },
  ]) {
    const once = statisticsReports(days, query);
    assert.equal(once, { byService: statisticsReport(days, query, 'service'), byDay: statisticsReport(days, query, 'day'), byHour: statisticsReport(days, query, 'hour') });
    assert.ok(once.byHour.length >= 2 && once.byDay.length >= 2, 'more than one group each');
  }
});

test.run();
