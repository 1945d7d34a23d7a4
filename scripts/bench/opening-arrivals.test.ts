import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { arrivals } from './opening-arrivals.ts';

const minute = 60_000;

test('the opening crowd: everyone within the window, in order, most at once and fewer and fewer after', () => {
  const times = arrivals(10_000, 10 * minute, minute);
  assert.is(times.length, 10_000);
  assert.ok(times.every((t, k) => t >= 0 && t < 10 * minute && (k === 0 || t >= times[k - 1]!)));
  const inFirst = times.filter((t) => t < minute).length;
  // 1 − e⁻¹ of an exponential's mass falls within its time constant.
  assert.ok(Math.abs(inFirst - 6_321) <= 1, `${inFirst} in the first minute`);
  assert.ok(times[1]! - times[0]! < times.at(-1)! - times.at(-2)!, 'the gaps grow');
  assert.equal(arrivals(10_000, 10 * minute, minute), times, 'the same crowd every run');
});

test.run();
