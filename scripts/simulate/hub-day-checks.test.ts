import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BookedArrival } from './bookings.ts';
import { comeDuring } from './hub-day-checks.ts';

const minute = 60_000;
const nine = Date.parse('2026-11-30T09:00:00+01:00');
const arrival = (bookedAt: number, behaviour: BookedArrival['behaviour'], at = bookedAt): BookedArrival => ({
  at,
  bookedAt,
  behaviour,
  serviceId: 'pasy',
  kioskId: 'kiosk-hala',
  button: 0,
  code: '12345678',
});
const cut = { from: nine, to: nine + 30 * minute };

test('a cut window with no citizen coming gets one: the first booked in it comes five minutes early', () => {
  const booked = [arrival(nine + 15 * minute, 'absent'), arrival(nine + 25 * minute, 'tooLate', nine + 45 * minute), arrival(nine + 60 * minute, 'early', nine + 50 * minute)];
  const changed = comeDuring(booked, cut);
  assert.equal(
    changed.map((b) => [b.behaviour, (b.at - nine) / minute]),
    [
      ['early', 10],
      ['tooLate', 45],
      ['early', 50],
    ],
  );
  assert.is(comeDuring(changed, cut), changed, 'one already coming: unchanged');
});

test('a cut window without a booking in it fails the run rather than prove nothing', () => {
  assert.throws(() => comeDuring([arrival(nine + 40 * minute, 'absent')], cut), /no booking in the cut window/);
});

test.run();
