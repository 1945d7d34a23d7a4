import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { refused } from '../../shared/contract/result.ts';
import { kostelec } from '../../test/support/office-fixture.ts';
import { findForCancel } from './booking-queries.ts';
import * as rules from './booking-rules.ts';
import { type BookingState, emptyBookingState } from './booking-state.ts';
import { emailKey } from './email-key.ts';
import { bookingDays, daySlots, horizon } from './slots.ts';

const config = kostelec();
const tuesdayNine = Date.parse('2026-11-24T09:00:00+01:00');
let n = 0;
const draw: rules.Draw = { id: () => `id-${++n}`, token: () => `token-${n}`.padEnd(22, 'x'), code: () => String(10_000_000 + n) };
const ctx = (state: BookingState, now = tuesdayNine) => ({ config, state, now, draw });
const person = (email = 'jana@example.cz') => ({ name: 'Jana', email, emailKey: emailKey(email) });
const holdAt = (state: BookingState, startsAt: number, email = 'jana@example.cz', clientKey = 'client-1', now = tuesdayNine) =>
  rules.hold(ctx(state, now), { serviceId: 'pasy', startsAt, person: person(email), language: 'cs', clientKey });
const slotsOn = (state: BookingState, day: string, now = tuesdayNine) => daySlots(config, state, config.services.find((s) => s.id === 'pasy')!, day, now);

test('the horizon is today and the next 30 Prague calendar days, the same across both DST changes', () => {
  const autumn = horizon(config, Date.parse('2026-10-10T10:00:00+02:00'));
  assert.is(autumn.length, 31);
  assert.is(autumn.at(-1), '2026-11-09');
  const spring = horizon(config, Date.parse('2027-03-10T10:00:00+01:00'));
  assert.is(spring.at(-1), '2027-04-09');
  // 23:30 on the last summer-time evening is still the 24th in Prague (21:30 UTC).
  assert.is(horizon(config, Date.parse('2026-10-24T23:30:00+02:00'))[0], '2026-10-24');
});

test('an office that opens new days at 07:00 keeps the 30th day closed until then: not listed, not held at 06:59, both at 07:00', () => {
  const seven = kostelec((c) => {
    c.booking = { newDaysOpenAt: '07:00' };
  });
  const before = Date.parse('2026-11-24T06:59:00+01:00');
  const after = Date.parse('2026-11-24T07:00:00+01:00');
  assert.is(horizon(seven, before).at(-1), '2026-12-23', 'the 29th day is the last before 07:00');
  assert.is(horizon(seven, after).at(-1), '2026-12-24');
  assert.is(horizon(config, before).at(-1), '2026-12-24', 'midnight, the default: open all day');
  const pasy = seven.services.find((s) => s.id === 'pasy')!;
  const last = bookingDays(seven, emptyBookingState('s'), pasy, after).at(-1)!;
  assert.is(last.day, '2026-12-24', 'listed from 07:00');
  // On Monday the 23rd of November, the 30th day ahead is Wednesday 23 December, a working day.
  const startsAt = daySlots(seven, emptyBookingState('s'), pasy, '2026-12-23', Date.parse('2026-11-23T07:00:00+01:00'))[0]?.startsAt;
  assert.ok(startsAt, 'a slot on the 23rd');
  const hold = (now: number) =>
    rules.hold({ config: seven, state: emptyBookingState('s'), now, draw }, { serviceId: 'pasy', startsAt: startsAt!, person: person('jana@example.cz'), language: 'cs', clientKey: 'client-1' });
  assert.is((hold(Date.parse('2026-11-23T06:59:00+01:00')) as { ok: boolean; error?: { code: string } }).error?.code, 'slotUnavailable', 'the 23rd is the 30th day of the 23rd: closed before 07:00');
  assert.ok(hold(Date.parse('2026-11-23T07:00:00+01:00')).ok);
});

test('the rules answer the same under every TZ setting of the machine', async () => {
  const run = promisify(execFile);
  const outputs = await Promise.all(
    ['UTC', 'Europe/Prague', 'America/New_York', 'Pacific/Kiritimati'].map(
      async (tz) => (await run(process.execPath, ['--import', 'tsx', 'test/support/booking-rules-digest.ts'], { env: { ...process.env, TZ: tz } })).stdout,
    ),
  );
  for (const output of outputs.slice(1)) assert.is(output, outputs[0]);
  const digest = JSON.parse(outputs[0]!) as Record<string, any>;
  assert.equal(digest['2026-10-23'], ['2026-10-23T06:00:00.000Z', '2026-10-23T06:15:00.000Z'], '8:00 in summer time');
  assert.equal(digest['2026-10-26'], ['2026-10-26T07:00:00.000Z', '2026-10-26T07:15:00.000Z'], '8:00 in winter time');
  assert.equal(digest['2027-03-26'], [], 'Good Friday has no slots');
  assert.equal(digest['2027-03-29'], [], 'Easter Monday has no slots');
  const spring = digest['2027-03-10T10:00:00+01:00'].unavailable as string[];
  assert.ok(spring.includes('2027-03-26:holiday') && spring.includes('2027-03-29:holiday'));
  assert.ok(spring.includes('2027-03-13:closed'), 'a Saturday has no office hours');
});

test("holds count against the day's online places; a lapsed hold and a cancellation give the place back", () => {
  const state = emptyBookingState('salt');
  const slots = slotsOn(state, '2026-11-24', tuesdayNine - 3 * 3600_000); // Tuesday: 3 online places for passports
  const early = tuesdayNine - 3 * 3600_000;
  const made = slots.slice(0, 3).map((s, k) => holdAt(state, s.startsAt, `p${k}@example.cz`, `c${k}`, early));
  assert.ok(made.every((m) => m.ok));
  const pasy = config.services.find((s) => s.id === 'pasy')!;
  assert.is(bookingDays(config, state, pasy, early).find((d) => d.day === '2026-11-24')!.unavailable, 'full');
  assert.is(rules.hold(ctx(state, early), { serviceId: 'pasy', startsAt: slots[5]!.startsAt, person: person('x@example.cz'), language: 'cs', clientKey: 'c9' }).ok, false);
  // Fifteen minutes later the holds lapse, whether or not the sweeper ran.
  const later = early + 15 * 60_000;
  assert.is(bookingDays(config, state, pasy, later).find((d) => d.day === '2026-11-24')!.free, 3);
  // A confirmed booking keeps its place until cancelled.
  const kept = holdAt(state, slots[0]!.startsAt, 'q@example.cz', 'c10', later);
  assert.ok(kept.ok && rules.confirm(ctx(state, later), kept.data.confirmToken).ok);
  assert.is(bookingDays(config, state, pasy, later + 60 * 60_000).find((d) => d.day === '2026-11-24')!.free, 2);
  if (kept.ok) rules.cancel(ctx(state, later), kept.data);
  assert.is(bookingDays(config, state, pasy, later).find((d) => d.day === '2026-11-24')!.free, 3);
  assert.is(kept.ok && state.bookings.get(kept.data.id)!.person, undefined, 'a cancellation deletes the personal data');
});

test('one client address takes at most three places of a day, whatever e-mail addresses it gives; another day or another address is free', () => {
  const state = emptyBookingState('salt');
  const early = tuesdayNine - 3 * 3600_000;
  const slots = slotsOn(state, '2026-11-25', early);
  const confirmed = (startsAt: number, k: number, clientKey = 'one-address', serviceId = 'pasy') => {
    const held = rules.hold(ctx(state, early), { serviceId, startsAt, person: person(`throwaway${k}@example.cz`), language: 'cs', clientKey });
    return held.ok ? rules.confirm(ctx(state, early), held.data.confirmToken).ok : held.error.code;
  };
  assert.equal(
    [0, 1, 2].map((k) => confirmed(slots[k]!.startsAt, k)),
    [true, true, true],
  );
  const idCards = daySlots(config, state, config.services.find((s) => s.id === 'obcanky')!, '2026-11-25', early);
  assert.is(confirmed(idCards[0]!.startsAt, 3, 'one-address', 'obcanky'), 'tooManyBookings', 'a fourth place that day, in another service');
  assert.is(confirmed(idCards[0]!.startsAt, 4, 'another-address', 'obcanky'), true);
  const thursday = slotsOn(state, '2026-11-26', early);
  assert.is(confirmed(thursday[0]!.startsAt, 5), true, 'the next day');
});

test('per e-mail and per address limits on holds and bookings; the e-mail counts in its normalised form', () => {
  const state = emptyBookingState('salt');
  const slots = slotsOn(state, '2026-11-25');
  assert.ok(holdAt(state, slots[0]!.startsAt, 'Jana.Novakova+urad@gmail.com').ok);
  assert.ok(holdAt(state, slots[1]!.startsAt, 'jananovakova@gmail.com').ok);
  const third = holdAt(state, slots[2]!.startsAt, 'JANANOVAKOVA@googlemail.com');
  assert.equal(third, refused('tooManyHolds'));
  // On other days: one address's places of a day are limited apart (three).
  for (const [k, day] of ['2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01'].entries()) assert.ok(holdAt(state, slotsOn(state, day)[0]!.startsAt, `p${k}@example.cz`).ok, day);
  const sixthFromAddress = holdAt(state, slotsOn(state, '2026-12-02')[0]!.startsAt, 'new@example.cz');
  assert.equal(sixthFromAddress, refused('tooManyHolds'), 'six pending holds from one address at most');
});

test('suspension refuses holds and confirmations; existing codes stay; a bulk cancel returns each booking for its mail', () => {
  const state = emptyBookingState('salt');
  const slots = slotsOn(state, '2026-11-25');
  const confirmed = holdAt(state, slots[0]!.startsAt);
  const pending = holdAt(state, slots[1]!.startsAt, 'petr@example.cz');
  assert.ok(confirmed.ok && pending.ok);
  if (!confirmed.ok || !pending.ok) return;
  rules.confirm(ctx(state), confirmed.data.confirmToken);
  const notice = { cs: 'Krizová opatření', en: 'Crisis measures' };
  rules.suspend(ctx(state), { workplaceIds: ['spravni'], notice, cancelExisting: false });
  assert.equal(holdAt(state, slots[2]!.startsAt, 'x@example.cz', 'c2'), refused('suspended'));
  assert.equal(rules.confirm(ctx(state), pending.data.confirmToken), refused('suspended'));
  assert.ok(findForCancel(state, state.bookings.get(confirmed.data.id)!.code!, emailKey('jana@example.cz')), 'the confirmed booking stays valid');
  const vozidla = config.services.find((s) => s.id === 'vozidla')!;
  assert.is(rules.openOnline(config, state, vozidla.id).ok, true, 'other workplaces keep booking');
  assert.equal(rules.openOnline(config, state, 'pasy'), refused('suspended'));
  const cancelled = rules.suspend(ctx(state), { workplaceIds: null, notice, cancelExisting: true });
  assert.equal(
    cancelled.map((b) => [b.person?.email, b.icsSequence]),
    [['jana@example.cz', 1]],
  );
  assert.is(state.bookings.get(confirmed.data.id)!.status, 'cancelled');
});

test('the sweeper removes lapsed holds at once and personal data after the retention period', () => {
  const state = emptyBookingState('salt');
  const slots = slotsOn(state, '2026-11-25');
  const held = holdAt(state, slots[0]!.startsAt);
  const kept = holdAt(state, slots[1]!.startsAt, 'p@example.cz');
  assert.ok(held.ok && kept.ok);
  if (!held.ok || !kept.ok) return;
  rules.confirm(ctx(state), kept.data.confirmToken);
  assert.ok(rules.sweep(ctx(state, tuesdayNine + 15 * 60_000)));
  assert.equal(
    [...state.bookings.values()].map((b) => b.id),
    [kept.data.id],
  );
  assert.is(rules.sweep(ctx(state, kept.data.startsAt + 15 * 60_000)), false, 'still within its window during +15:00');
  assert.ok(rules.sweep(ctx(state, kept.data.startsAt + 15 * 60_000 + 1000)));
  assert.is(state.bookings.get(kept.data.id)!.status, 'lapsed', 'not checked in by +15 minutes: a no-show');
  const retention = config.booking.retentionDays * 86_400_000;
  rules.sweep(ctx(state, kept.data.startsAt + 8 * 86_400_000)); // the lapsed hold's link is forgotten after a week
  assert.is(rules.sweep(ctx(state, kept.data.startsAt + retention - 1)), false);
  assert.ok(rules.sweep(ctx(state, kept.data.startsAt + retention)));
  assert.is(state.bookings.size, 0);
});

test('the indexes follow each change: a moved booking takes a place on its new day only; a cancelled one is found by neither its code nor its e-mail', () => {
  const state = emptyBookingState('salt');
  const from = slotsOn(state, '2026-11-25')[0]!;
  const to = slotsOn(state, '2026-11-26')[0]!;
  const held = holdAt(state, from.startsAt);
  assert.ok(held.ok);
  if (!held.ok) return;
  const confirmed = rules.confirm(ctx(state), held.data.confirmToken);
  assert.ok(confirmed.ok);
  if (!confirmed.ok) return;
  const code = confirmed.data.booking.code!;
  assert.ok(rules.reschedule(ctx(state), confirmed.data.booking, to.startsAt).ok);
  const freeAt = (day: string, startsAt: number) => slotsOn(state, day).find((s) => s.startsAt === startsAt)?.free ?? 0;
  assert.is(freeAt('2026-11-25', from.startsAt), from.free, 'the old place is free');
  assert.is(freeAt('2026-11-26', to.startsAt), to.free - 1, 'the new one is taken');
  assert.equal(state.bookings.onDay('2026-11-25'), []);
  assert.equal(state.bookings.ofServiceOnDay(held.data.serviceId, '2026-11-25'), []);
  assert.is(state.bookings.ofServiceOnDay(held.data.serviceId, '2026-11-26').length, 1);
  rules.cancel(ctx(state), findForCancel(state, code, emailKey('jana@example.cz'))!);
  assert.is(findForCancel(state, code, emailKey('jana@example.cz')), undefined);
  assert.equal(state.bookings.withCode(code), []);
  assert.equal(state.bookings.ofEmail(emailKey('jana@example.cz')), []);
  assert.is(state.bookings.onDay('2026-11-26').length, 1, 'the bare record stays for the statistics');
});

test('codes are unique among active bookings', () => {
  const state = emptyBookingState('salt');
  const slots = slotsOn(state, '2026-11-25');
  const codes = ['11111111', '11111111', '22222222'];
  const repeating: rules.Draw = { ...draw, code: () => codes.shift()! };
  const a = holdAt(state, slots[0]!.startsAt, 'a@example.cz', 'a');
  const b = holdAt(state, slots[1]!.startsAt, 'b@example.cz', 'b');
  assert.ok(a.ok && b.ok);
  if (!a.ok || !b.ok) return;
  rules.confirm({ ...ctx(state), draw: repeating }, a.data.confirmToken);
  rules.confirm({ ...ctx(state), draw: repeating }, b.data.confirmToken);
  assert.equal(
    [a.data.id, b.data.id].map((id) => state.bookings.get(id)!.code),
    ['11111111', '22222222'],
  );
});

test('a confirmed booking lapses only after the last second of its window, the same edge the kiosk keeps', () => {
  const state = emptyBookingState('salt');
  const slot = slotsOn(state, '2026-11-25')[0]!;
  const held = holdAt(state, slot.startsAt);
  assert.ok(held.ok && rules.confirm(ctx(state), held.data.confirmToken).ok);
  const lastSecond = slot.startsAt + 15 * 60_000;
  rules.sweep(ctx(state, lastSecond + 999));
  assert.is([...state.bookings.values()][0]!.status, 'confirmed', 'all of 9:45:00 still belongs to the window');
  rules.sweep(ctx(state, lastSecond + 1000));
  assert.is([...state.bookings.values()][0]!.status, 'lapsed');
});

test("bookings staff make for callers leave the day's online places to the internet; online bookings never exceed them", () => {
  const state = emptyBookingState('salt');
  const early = tuesdayNine - 3 * 3600_000;
  const pasy = config.services.find((s) => s.id === 'pasy')!;
  const freeOnline = () => bookingDays(config, state, pasy, early).find((d) => d.day === '2026-11-24')!.free;
  assert.is(freeOnline(), 3, 'Tuesday: three online places for passports');
  const slots = slotsOn(state, '2026-11-24', early);
  for (const slot of slots.slice(0, 2))
    assert.ok(rules.bookForCaller(ctx(state, early), { serviceId: 'pasy', startsAt: slot.startsAt, person: person('caller@example.cz'), language: 'cs', bookedBy: 'novak' }).ok);
  assert.is(freeOnline(), 3, "two phone bookings took their slots, not the internet's places");
  const online = slots.slice(2, 6).map((slot, k) => holdAt(state, slot.startsAt, `web${k}@example.cz`, `web${k}`, early).ok);
  assert.equal(online, [true, true, true, false], 'the fourth online booking finds the day full');
});

test("a no-show keeps its online place in the day's count: the day never ends with more online bookings than its places", () => {
  const state = emptyBookingState('salt');
  const early = tuesdayNine - 3 * 3600_000;
  const pasy = config.services.find((s) => s.id === 'pasy')!;
  const slots = slotsOn(state, '2026-11-24', early);
  for (const [k, slot] of slots.slice(0, 3).entries()) {
    const made = holdAt(state, slot.startsAt, `web${k}@example.cz`, `web${k}`, early);
    assert.ok(made.ok && rules.confirm(ctx(state, early), made.data.confirmToken).ok);
  }
  const afterFirst = slots[0]!.startsAt + 16 * 60_000;
  rules.sweep(ctx(state, afterFirst));
  assert.is([...state.bookings.values()].filter((b) => b.status === 'lapsed').length, 1, 'the first client did not come');
  assert.is(bookingDays(config, state, pasy, afterFirst).find((d) => d.day === '2026-11-24')!.free, 0, 'no place reopens later that day');
});

test.run();
