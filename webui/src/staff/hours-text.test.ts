import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { hoursToText, textToHours } from './hours-text.ts';

test('hours read as a clerk writes them, with or without spaces and leading zeros, and back', () => {
  assert.equal(textToHours('8:00-11:30, 12:30 – 17:00'), [
    { from: '08:00', to: '11:30' },
    { from: '12:30', to: '17:00' },
  ]);
  assert.equal(textToHours('  '), []);
  assert.is(
    hoursToText([
      { from: '08:00', to: '11:30' },
      { from: '12:30', to: '17:00' },
    ]),
    '08:00-11:30, 12:30-17:00',
  );
});

test('what does not read as hours is refused, not guessed', () => {
  for (const text of ['8-12', '08:00', 'ráno', '08:00-12:00; 13:00-17:00']) assert.is(textToHours(text), null, text);
});

test.run();
