import fc from 'fast-check';
import { DateTime } from 'luxon';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { kostelec } from '../../test/support/office-fixture.ts';
import { publicHoliday } from './holidays.ts';
import { addDays, nextOpening, officeDay, officeZone, openIntervals, ticketWindow, weekdayOf } from './office-calendar.ts';

const config = kostelec();
const spravni = config.workplaces.find((w) => w.id === 'spravni')!;
const pokladna = config.workplaces.find((w) => w.id === 'pokladna')!;

test('the office day is the Prague calendar day, not the UTC one', () => {
  assert.is(officeDay(Date.parse('2026-11-23T23:30:00Z')), '2026-11-24');
  assert.is(officeDay(Date.parse('2026-07-01T21:59:00Z')), '2026-07-01');
  assert.is(officeDay(Date.parse('2026-07-01T22:00:00Z')), '2026-07-02');
});

test('Good Friday and Easter Monday move with Easter; fixed holidays stay', () => {
  assert.ok(publicHoliday('2026-04-03'));
  assert.ok(publicHoliday('2026-04-06'));
  assert.ok(publicHoliday('2027-03-26'));
  assert.ok(publicHoliday('2027-03-29'));
  assert.ok(publicHoliday('2026-12-24'));
  assert.ok(publicHoliday('2026-10-28'));
  assert.is(publicHoliday('2026-04-07'), undefined);
});

test('no tickets on a public holiday, even inside weekday hours', () => {
  assert.equal(ticketWindow(config, spravni, Date.parse('2026-10-28T09:00:00+01:00')), { open: false, reason: 'holiday' });
});

test('no tickets outside opening hours, at weekends, or in the last minutes before closing', () => {
  assert.equal(ticketWindow(config, spravni, Date.parse('2026-11-24T07:59:00+01:00')), { open: false, reason: 'outsideHours' });
  assert.equal(ticketWindow(config, spravni, Date.parse('2026-11-28T10:00:00+01:00')), { open: false, reason: 'outsideHours' });
  // Tuesday closes at 14:00 and tickets stop 15 minutes before.
  assert.ok(ticketWindow(config, spravni, Date.parse('2026-11-24T13:44:00+01:00')).open);
  assert.not.ok(ticketWindow(config, spravni, Date.parse('2026-11-24T13:46:00+01:00')).open);
});

test('a workplace with a lunch break is closed during it', () => {
  const monday = '2026-11-23';
  assert.is(openIntervals(config, pokladna, monday).length, 2);
  assert.not.ok(ticketWindow(config, pokladna, Date.parse(`${monday}T12:00:00+01:00`)).open);
  assert.ok(ticketWindow(config, pokladna, Date.parse(`${monday}T12:31:00+01:00`)).open);
});

test('opening hours are Prague wall-clock time on both DST change days', () => {
  // Monday 30 March 2026 is the first working day of summer time (changed Sunday 29 March): 08:00 CEST = 06:00 UTC.
  assert.is(openIntervals(config, spravni, '2026-03-30')[0]!.start, Date.parse('2026-03-30T06:00:00Z'));
  // Monday 26 October 2026, first working day of winter time: 08:00 CET = 07:00 UTC.
  assert.is(openIntervals(config, spravni, '2026-10-26')[0]!.start, Date.parse('2026-10-26T07:00:00Z'));
});

test('adding days counts Prague calendar days across DST changes', () => {
  assert.is(addDays('2026-03-28', 1), '2026-03-29');
  assert.is(addDays('2026-03-28', 2), '2026-03-30');
  assert.is(addDays('2026-10-24', 2), '2026-10-26');
  assert.is(addDays('2026-11-24', 30), '2026-12-24');
});

test('day arithmetic and weekdays agree with the Prague calendar for any day of this century, back and forth', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 36_500 }), fc.integer({ min: -400, max: 400 }), (offset, days) => {
      const day = DateTime.fromISO('2000-01-01', { zone: officeZone }).plus({ days: offset });
      assert.is(addDays(day.toISODate()!, days), day.plus({ days }).toISODate());
      assert.is(weekdayOf(day.toISODate()!), ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][day.weekday - 1]);
    }),
  );
});

test("the office day of instants on many days asked in turn is each instant's own Prague day", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2027-12-31') }), { minLength: 100, maxLength: 300 }), (instants) => {
      for (const at of instants) assert.is(officeDay(at), DateTime.fromMillis(at, { zone: officeZone }).toISODate());
    }),
  );
});

test('the next opening after a Friday evening is Monday morning', () => {
  const fridayEvening = Date.parse('2026-11-27T18:00:00+01:00');
  assert.is(nextOpening(config, fridayEvening), Date.parse('2026-11-30T08:00:00+01:00'));
});

test('a special day has its own hours for every workplace, lunch breaks and weekday hours aside', () => {
  const shortened = kostelec((c) => (c.office.specialDays = [{ date: '2026-12-31', hours: [{ from: '08:00', to: '11:00' }] }]));
  const lastDay = (time: string) => Date.parse(`2026-12-31T${time}:00+01:00`);
  for (const workplace of shortened.workplaces) {
    assert.equal(openIntervals(shortened, workplace, '2026-12-31'), [{ start: lastDay('08:00'), end: lastDay('11:00') }], workplace.id);
    assert.ok(ticketWindow(shortened, workplace, lastDay('10:00')).open);
    assert.not.ok(ticketWindow(shortened, workplace, lastDay('12:00')).open);
  }
  assert.is(openIntervals(shortened, pokladna, '2026-12-30').length, 1, 'the day before keeps its weekday hours');
});

test.run();
