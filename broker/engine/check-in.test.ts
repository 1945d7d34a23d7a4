import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type BookingsForTest, codeOf, engineAt, numberOf } from '../../test/support/engine-fixture.ts';
import { kostelec } from '../../test/support/office-fixture.ts';
import { MemoryStore } from '../store/memory-store.ts';
import type { BookedRef } from './journal-entry.ts';

const nineThirty = Date.parse('2026-11-24T09:30:00+01:00');
const minute = 60_000;

/** Bookings as the booking side would answer for them (check-in-lookup.ts). */
function lookup(bookings: Record<string, BookedRef>): BookingsForTest {
  return {
    find: (code) => bookings[code] ?? null,
    due: (serviceIds, from, to) => Object.values(bookings).filter((b) => serviceIds.includes(b.serviceId) && b.startsAt > from && b.startsAt <= to),
  };
}
const passport = (id: string, startsAt = nineThirty): BookedRef => ({ id, serviceId: 'pasy', startsAt });

test('a code works from 15 minutes before to 15 minutes after the booked time, both edges included', async () => {
  const at = (offset: number) => nineThirty + offset;
  const cases: [number, string][] = [
    [-15 * minute - 1000, 'tooEarly'],
    [-15 * minute, 'ok'],
    [15 * minute, 'ok'],
    [15 * minute + 1000, 'tooLate'],
  ];
  for (const [offset, expected] of cases) {
    const { code } = await engineAt({ at: at(offset), bookings: lookup({ '12345678': passport('b1') }) });
    const reply = await code('12345678');
    assert.is(codeOf(reply), expected, `at ${offset / 1000} s`);
    if (expected === 'tooEarly' && !reply.ok) assert.is(reply.error.opensAt, nineThirty - 15 * minute, 'says from when');
  }
});

test('both edges are judged by the second of the press: all of 9:15:00 and all of 9:45:00 check in, a press at 9:45:00 arriving 0.3 s later too', async () => {
  const cases: [pressed: number, arrives: number, expected: string][] = [
    [-15 * minute - 1, -15 * minute, 'tooEarly'],
    [-15 * minute, -15 * minute + 400, 'ok'],
    [15 * minute + 400, 15 * minute + 400, 'ok'],
    [15 * minute + 999, 15 * minute + 999, 'ok'],
    [15 * minute, 15 * minute + 300, 'ok'],
    [15 * minute + 900, 15 * minute + 2_500, 'ok'],
    [15 * minute + 1000, 15 * minute + 1000, 'tooLate'],
  ];
  for (const [pressed, arrives, expected] of cases) {
    const { engine } = await engineAt({ at: nineThirty + arrives });
    const reply = await engine.kioskRequest('kiosk-hala', { kind: 'checkIn', requestId: `edge-${pressed}-${arrives}`, pressedAt: nineThirty + pressed, code: '12345678' }, passport('b1'));
    assert.is(codeOf(reply), expected, `pressed at ${pressed / 1000} s, arrived at ${arrives / 1000} s`);
  }
});

test('a booking ticket is marked with its time, used once, and refused at the other workplace kiosk', async () => {
  const bookings = lookup({ '12345678': passport('b1'), '87654321': { id: 'b2', serviceId: 'vozidla', startsAt: nineThirty } });
  const { code, engine } = await engineAt({ at: nineThirty - 10 * minute, bookings });
  const reply = await code('12345678');
  assert.ok(reply.ok);
  if (!reply.ok) return;
  assert.equal(reply.data.ticket.booking, { startsAt: nineThirty });
  assert.is(reply.data.ticket.number, 'C001', 'booking tickets share the service letter and its sequence');
  assert.equal(engine.dayState().checkedIn, { b1: 'C001' }, 'the durable record of check-ins says so');
  assert.is(codeOf(await code('12345678')), 'codeUsed');
  const wrong = await code('87654321', 'kiosk-hala');
  assert.is(codeOf(wrong), 'wrongWorkplace');
  assert.is(codeOf(await code('99999999')), 'unknownCode');
});

test('a checked-in booking is called at its time ahead of walk-ins; before its time only when nobody else waits', async () => {
  const bookings = lookup({ '11111111': passport('b1') });
  const { code, press, counter, clock, engine } = await engineAt({ at: nineThirty - 14 * minute, bookings });
  const booked = numberOf(await code('11111111'));
  // An identity card (10 minutes, 13 allowed for) started at 9:16 ends before 9:30.
  const walkIn = numberOf(await press('obcanky'));
  await counter('prepazka-3', 'next');
  assert.is(engine.counterStates().find((c) => c.counterId === 'prepazka-3')!.current!.number, walkIn, 'before its time the walk-in goes first');
  await counter('prepazka-3', 'done');
  const second = numberOf(await press('obcanky'));
  clock.set(nineThirty);
  await counter('prepazka-3', 'next');
  assert.is(engine.counterStates().find((c) => c.counterId === 'prepazka-3')!.current!.number, booked, 'at its time the booking goes ahead of the waiting walk-in');
  await counter('prepazka-3', 'done');
  await counter('prepazka-3', 'next');
  assert.is(engine.counterStates().find((c) => c.counterId === 'prepazka-3')!.current!.number, second);

  const early = lookup({ '22222222': passport('b2', nineThirty + 60 * minute) });
  const idle = await engineAt({ at: nineThirty + 50 * minute, bookings: early });
  const alone = numberOf(await idle.code('22222222'));
  await idle.counter('prepazka-2', 'next');
  assert.is(idle.engine.counterStates().find((c) => c.counterId === 'prepazka-2')!.current!.number, alone, 'an idle counter calls an early booking');
});

test('a booking is called before its time when the walk-in would run past it and no other counter will be free by then; else the walk-in goes first', async () => {
  const current = (engine: Awaited<ReturnType<typeof engineAt>>['engine'], counterId: string) => engine.counterStates().find((c) => c.counterId === counterId)!.current?.number;
  // Alone: at 9:25 a 12-minute walk-in (15.6 allowed for) would end after 9:30, so counter 3 calls the 9:30 booking now.
  const alone = await engineAt({ at: nineThirty - 5 * minute, bookings: lookup({ '11111111': passport('b1') }) });
  const booked = numberOf(await alone.code('11111111'));
  numberOf(await alone.press('pasy'));
  await alone.counter('prepazka-3', 'next');
  assert.is(current(alone.engine, 'prepazka-3'), booked);

  // Counter 2 took a passport client at 9:13 and should be free by 9:29: counter 3 starts the walk-in, counter 2 takes the booking.
  const shared = await engineAt({ at: nineThirty - 17 * minute, bookings: lookup({ '11111111': passport('b1') }) });
  const first = numberOf(await shared.press('pasy'));
  await shared.counter('prepazka-2', 'next');
  assert.is(current(shared.engine, 'prepazka-2'), first);
  shared.clock.set(nineThirty - 5 * minute);
  const bookedToo = numberOf(await shared.code('11111111'));
  const walkIn = numberOf(await shared.press('pasy'));
  await shared.counter('prepazka-3', 'next');
  assert.is(current(shared.engine, 'prepazka-3'), walkIn, 'another counter will be free by the booked time');
  shared.clock.set(nineThirty - 3 * minute);
  numberOf(await shared.press('pasy'));
  await shared.counter('prepazka-2', 'next');
  assert.is(current(shared.engine, 'prepazka-2'), bookedToo, 'the counter that is free first keeps the booked time');
});

test('a booked time no other counter can keep is held before the client checks in: Next calls nobody, a shorter walk-in that fits goes first, the client who comes is called early', async () => {
  const office = await engineAt({ at: nineThirty - 6 * minute, bookings: lookup({ '11111111': passport('b1') }) });
  const current = (counterId: string) => office.engine.counterStates().find((c) => c.counterId === counterId)!.current?.number;
  // 9:24: a 12-minute passport walk-in (15.6 allowed for) would end past the 9:30 booking that has not checked in yet.
  const walkIn = numberOf(await office.press('pasy'));
  assert.equal(office.engine.upNext('prepazka-3'), { number: null, reason: 'heldForBooking', bookedAt: nineThirty });
  assert.is(codeOf(await office.counter('prepazka-3', 'next')), 'ok');
  assert.is(current('prepazka-3'), undefined, 'counter 3 keeps 9:30 free');
  assert.is(office.engine.serviceStatuses().find((s) => s.serviceId === 'pasy')!.waiting, 1);
  // Counter 3 is idle with its clerk there: counter 2 may take the walk-in.
  await office.counter('prepazka-2', 'next');
  assert.is(current('prepazka-2'), walkIn);
  // The booked client checks in at 9:26 and counter 3 calls them.
  office.clock.set(nineThirty - 4 * minute);
  const booked = numberOf(await office.code('11111111'));
  assert.equal(office.engine.upNext('prepazka-3'), { number: booked, reason: 'bookingEarly', bookedAt: nineThirty });
  await office.counter('prepazka-3', 'next');
  assert.is(current('prepazka-3'), booked);

  // 9:16, counter 2 alone: the passport walk-in would end at 9:31.6 (15.6 minutes allowed for); the identity card issued after it at 9:29.
  const shorter = await engineAt({ at: nineThirty - 14 * minute, bookings: lookup({ '11111111': passport('b1') }) });
  numberOf(await shorter.press('pasy'));
  const cards = numberOf(await shorter.press('obcanky'));
  await shorter.counter('prepazka-2', 'next');
  assert.is(shorter.engine.counterStates().find((c) => c.counterId === 'prepazka-2')!.current?.number, cards, 'the shorter walk-in that ends by 9:30 goes first');
});

test('what Next kept is in its journal entry: a replay calls the same client whatever the bookings say later', async () => {
  const store = new MemoryStore();
  const first = await engineAt({ at: nineThirty - 14 * minute, store, bookings: lookup({ '11111111': passport('b1') }) });
  numberOf(await first.press('pasy'));
  const cards = numberOf(await first.press('obcanky'));
  await first.counter('prepazka-2', 'next');
  assert.is(first.engine.counterStates().find((c) => c.counterId === 'prepazka-2')!.current?.number, cards, 'the passport walk-in would run past 9:30');
  const replayed = await engineAt({ at: nineThirty - 13 * minute, store, bookings: lookup({}) });
  assert.is(replayed.engine.counterStates().find((c) => c.counterId === 'prepazka-2')!.current?.number, cards);
});

test('wrong codes are rate-limited per kiosk; the other kiosk is not affected', async () => {
  const { code } = await engineAt({ at: nineThirty, bookings: lookup({ '12345678': passport('b1') }) });
  for (let k = 0; k < 6; k++) assert.is(codeOf(await code(String(10_000_000 + k))), 'unknownCode');
  assert.is(codeOf(await code('12345678')), 'tooManyAttempts', 'even the right code waits out the minute');
  assert.is(codeOf(await code('20000000', 'kiosk-chodba')), 'unknownCode');
});

test('one request id reused for new codes replays only its own answer and every new code counts: guessing stops at the limit', async () => {
  const { code } = await engineAt({ at: nineThirty, bookings: lookup({ '12345678': passport('b1') }) });
  assert.is(codeOf(await code('10000000', 'kiosk-hala', 'r-1')), 'unknownCode');
  assert.is(codeOf(await code('10000000', 'kiosk-hala', 'r-1')), 'unknownCode', 'a retry of the same code gets its answer');
  assert.is(codeOf(await code('10000001', 'kiosk-hala', 'r-1')), 'invalidMessage', 'the same id with another code is not tried');
  const answers: string[] = [];
  for (let k = 2; k < 100; k++) answers.push(codeOf(await code(String(10_000_000 + k), 'kiosk-hala', 'r-1')));
  assert.ok(
    answers.every((a) => a === 'invalidMessage' || a === 'tooManyAttempts'),
    'no guess under a reused id reaches the bookings',
  );
  assert.is(codeOf(await code('12345678', 'kiosk-hala', 'r-2')), 'tooManyAttempts', 'the attempts under the reused id were counted');
});

test('answers that tell a code exists (wrong kiosk, too early, too late) count as attempts', async () => {
  const bookings: Record<string, BookedRef> = {};
  for (let k = 0; k < 6; k++) bookings[String(30_000_000 + k)] = passport(`b${k}`, nineThirty + (k % 2 === 0 ? 3 : -3) * 60 * minute);
  bookings['40000000'] = { id: 'v', serviceId: 'vozidla', startsAt: nineThirty };
  bookings['12345678'] = passport('ok');
  const { code } = await engineAt({ at: nineThirty, bookings: lookup(bookings) });
  const seen = new Set<string>();
  for (let k = 0; k < 5; k++) seen.add(codeOf(await code(String(30_000_000 + k))));
  seen.add(codeOf(await code('40000000')));
  assert.equal([...seen].sort(), ['tooEarly', 'tooLate', 'wrongWorkplace']);
  assert.is(codeOf(await code('12345678')), 'tooManyAttempts');
});

test('a check-in replays exactly after a restart: the booking it drew is in the journal', async () => {
  const store = new MemoryStore();
  const bookings = lookup({ '12345678': passport('b1') });
  const first = await engineAt({ at: nineThirty, store, bookings });
  const number = numberOf(await first.code('12345678'));
  const restarted = await engineAt({ at: nineThirty + minute, store, bookings: lookup({}) });
  assert.is(restarted.engine.serviceStatuses().find((s) => s.serviceId === 'pasy')!.waiting, 1);
  assert.is(number, 'C001');
  assert.is(numberOf(await restarted.press('pasy')), 'C002', 'the sequence carries on past the replayed booking ticket');
});

/** Kostelec with the late arrival's second chance switched on, and `capacity` walk-ins a day at the passport workplace. */
function lateOffice(capacity: number) {
  const config = kostelec();
  config.booking.lateArrivalWalkIn = true;
  const workplace = config.workplaces.find((w) => w.id === config.services.find((s) => s.id === 'pasy')!.workplaceId)!;
  workplace.walkInCapacityPerDay = capacity;
  return config;
}

test('a code typed after its window is offered a walk-in ticket when the office enables it and capacity remains; accepting prints one at the back of the line, once, and the booking stays lapsed', async () => {
  const bookings = lookup({ '12345678': passport('b1') });
  const late = nineThirty + 20 * minute;
  const off = await engineAt({ at: late, bookings });
  const refused = await off.code('12345678');
  assert.ok(!refused.ok && refused.error.code === 'tooLate' && refused.error.walkInOffer === undefined, 'no offer unless the office enables it');

  const { engine, code, press, clock } = await engineAt({ at: late, bookings, config: lateOffice(5) });
  const waiting = numberOf(await press('pasy'));
  const offered = await code('12345678');
  assert.ok(!offered.ok && offered.error.code === 'tooLate');
  if (offered.ok) return;
  assert.is(offered.error.walkInOffer, true);
  const accepted = await engine.kioskRequest('kiosk-hala', { kind: 'lateWalkIn', requestId: 'late-1', pressedAt: clock.now(), code: '12345678' }, bookings.find('12345678'));
  assert.ok(accepted.ok);
  if (!accepted.ok) return;
  assert.is(accepted.data.ticket.booking, undefined, 'an ordinary ticket, not a booking one');
  assert.is(accepted.data.ticket.waitingAhead, 1, `behind ${waiting}, who came on time`);
  const state = engine.dayState();
  assert.equal(state.checkedIn, {}, 'the booking is not checked in: it stays lapsed');
  assert.is(state.tickets[accepted.data.ticket.number]?.lateFor, 'b1', 'the ticket says which booking came late');
  assert.is(state.issuedPerWorkplace[state.tickets[waiting]?.workplaceId ?? ''], 2, 'it counts against the walk-in capacity');
  const again = await engine.kioskRequest('kiosk-hala', { kind: 'lateWalkIn', requestId: 'late-2', pressedAt: clock.now(), code: '12345678' }, bookings.find('12345678'));
  assert.is(codeOf(again), 'codeUsed', 'the code prints once');
  assert.is(codeOf(await code('12345678')), 'codeUsed');
});

test('a late code gets no offer once the walk-in capacity is used up, and accepting a stale offer is refused with the reason', async () => {
  const bookings = lookup({ '12345678': passport('b1') });
  const { engine, code, press, clock } = await engineAt({ at: nineThirty + 20 * minute, bookings, config: lateOffice(1) });
  const offered = await code('12345678');
  assert.ok(!offered.ok && offered.error.walkInOffer === true);
  numberOf(await press('pasy'));
  const noOffer = await code('12345678');
  assert.ok(!noOffer.ok && noOffer.error.code === 'tooLate' && noOffer.error.walkInOffer === undefined, 'capacity gone: no offer');
  const accepted = await engine.kioskRequest('kiosk-hala', { kind: 'lateWalkIn', requestId: 'late-3', pressedAt: clock.now(), code: '12345678' }, bookings.find('12345678'));
  assert.is(codeOf(accepted), 'capacityExhausted');
  assert.equal(engine.dayState().lateWalkIns, undefined, 'nothing recorded');
});

test('accepting the offer for a code still within its window checks it in as a booking', async () => {
  const bookings = lookup({ '12345678': passport('b1') });
  const { engine, clock } = await engineAt({ at: nineThirty + 5 * minute, bookings, config: lateOffice(5) });
  const reply = await engine.kioskRequest('kiosk-hala', { kind: 'lateWalkIn', requestId: 'late-4', pressedAt: clock.now(), code: '12345678' }, bookings.find('12345678'));
  assert.ok(reply.ok && reply.data.ticket.booking?.startsAt === nineThirty);
  assert.equal(engine.dayState().checkedIn, { b1: reply.ok ? reply.data.ticket.number : '' });
});

test.run();
