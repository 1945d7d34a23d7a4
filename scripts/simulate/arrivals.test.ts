import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openIntervals } from '../../shared/calendar/office-calendar.ts';
import { kostelec } from '../../test/support/office-fixture.ts';
import { walkInArrivals } from './arrivals.ts';
import { seeded } from './random.ts';

const config = kostelec();
const monday = '2026-11-30';

test('the same seed gives the same day; another seed another one', () => {
  assert.equal(walkInArrivals(config, monday, seeded(1)), walkInArrivals(config, monday, seeded(1)));
  assert.not.equal(walkInArrivals(config, monday, seeded(1)), walkInArrivals(config, monday, seeded(2)));
});

test('a day brings about demand × capacity per workplace, all within opening hours, at the right kiosk', () => {
  const arrivals = walkInArrivals(config, monday, seeded(3), 1.15);
  for (const workplace of config.workplaces) {
    const mine = arrivals.filter((a) => config.services.find((s) => s.id === a.serviceId)!.workplaceId === workplace.id);
    const expected = workplace.walkInCapacityPerDay * 1.15;
    assert.ok(Math.abs(mine.length - expected) < expected * 0.3, `${workplace.id}: ${mine.length} arrivals, expected about ${expected}`);
    const open = openIntervals(config, workplace, monday);
    assert.ok(mine.every((a) => open.some((i) => a.at >= i.start && a.at < i.end)));
  }
  assert.ok(arrivals.every((a) => config.kiosks.find((k) => k.id === a.kioskId)!.buttons.some((b) => b.button === a.button && b.serviceId === a.serviceId)));
});

test('mornings are busier than the lunch hour', () => {
  const arrivals = walkInArrivals(config, monday, seeded(4));
  const hourOf = (at: number) => Number(new Date(at).toLocaleString('en-GB', { timeZone: 'Europe/Prague', hour: 'numeric', hour12: false }));
  const count = (hour: number) => arrivals.filter((a) => hourOf(a.at) === hour).length;
  assert.ok(count(9) > count(12) * 2, `9h: ${count(9)}, 12h: ${count(12)}`);
});

test('no arrivals on a public holiday', () => {
  assert.equal(walkInArrivals(config, '2026-12-24', seeded(5)), []);
});

test.run();
