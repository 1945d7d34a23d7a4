import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { duration } from './durations.ts';

test('configured minutes and days are declined by number and case in Czech', () => {
  const cs = (n: number, form: Parameters<typeof duration>[2]) => duration('cs', n, form);
  assert.equal(
    [1, 2, 4, 5, 15].map((n) => cs(n, 'minutesGenitive')),
    ['1 minuty', '2 minut', '4 minut', '5 minut', '15 minut'],
    'do 1 minuty, do 2 minut',
  );
  assert.equal(
    [1, 2, 4, 5, 15].map((n) => cs(n, 'minutesAccusative')),
    ['1 minutu', '2 minuty', '4 minuty', '5 minut', '15 minut'],
    '1 minutu před, 2 minuty před',
  );
  assert.equal(
    [1, 3, 5, 30].map((n) => cs(n, 'daysAccusative')),
    ['1 den', '3 dny', '5 dní', '30 dní'],
  );
});

test('English counts take the singular for one only', () => {
  assert.equal(
    [1, 2, 15].map((n) => duration('en', n, 'minutesGenitive')),
    ['1 minute', '2 minutes', '15 minutes'],
  );
  assert.equal(
    [1, 30].map((n) => duration('en', n, 'daysAccusative')),
    ['1 day', '30 days'],
  );
});

test.run();
