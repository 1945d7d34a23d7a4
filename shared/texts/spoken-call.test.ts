import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { czechNumber, sayTicketNumber, spokenCall } from './spoken-call.ts';

test('numbers are said the Czech way, in the form used after "číslo"', () => {
  const cases: [number, string][] = [
    [1, 'jedna'],
    [2, 'dva'],
    [14, 'čtrnáct'],
    [20, 'dvacet'],
    [21, 'dvacet jedna'],
    [99, 'devadesát devět'],
    [100, 'sto'],
    [101, 'sto jedna'],
    [200, 'dvě stě'],
    [342, 'tři sta čtyřicet dva'],
    [500, 'pět set'],
    [1000, 'tisíc'],
    [1001, 'tisíc jedna'],
    [2000, 'dva tisíce'],
    [4015, 'čtyři tisíce patnáct'],
    [5000, 'pět tisíc'],
    [9999, 'devět tisíc devět set devadesát devět'],
  ];
  for (const [n, words] of cases) assert.is(czechNumber(n), words, String(n));
});

test('a call says the letter by its Czech name and the number without leading zeros', () => {
  assert.is(sayTicketNumber('B014'), 'bé čtrnáct');
  assert.is(sayTicketNumber('H001'), 'há jedna');
  assert.is(spokenCall('C102', 3), 'Číslo cé sto dva, přepážka číslo tři.');
});

test.run();
