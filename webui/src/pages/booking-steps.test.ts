import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addressOf, type BookingChoice, choiceFrom } from './booking-steps.ts';

const known = (id: string) => id === 'pasy';

test('every step survives the address both ways, and the language parameter stays', () => {
  const choices: BookingChoice[] = [
    { step: 'service', serviceId: '', day: '', startsAt: null },
    { step: 'day', serviceId: 'pasy', day: '', startsAt: null },
    { step: 'time', serviceId: 'pasy', day: '2026-12-07', startsAt: null },
    { step: 'details', serviceId: 'pasy', day: '2026-12-07', startsAt: 1796630400000 },
  ];
  for (const choice of choices) {
    const address = addressOf(choice, '?lang=en');
    assert.match(address, 'lang=en');
    assert.equal(choiceFrom(address.slice(1), known), choice, address);
  }
});

test('an address with a missing, unknown or malformed choice falls back to the last complete step; "sent" is never restored', () => {
  assert.is(choiceFrom('?step=details&service=nic&day=2026-12-07&time=1', known).step, 'service');
  assert.is(choiceFrom('?step=details&service=pasy&day=7.12.&time=1', known).step, 'day');
  assert.is(choiceFrom('?step=details&service=pasy&day=2026-12-07&time=x', known).step, 'time');
  assert.is(choiceFrom('?step=sent&service=pasy&day=2026-12-07&time=1796630400000', known).step, 'details');
});

test.run();
