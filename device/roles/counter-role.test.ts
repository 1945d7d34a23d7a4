import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { digitsText } from './counter-role.ts';

const state = {
  counterId: 'prepazka-2',
  number: 2,
  status: 'open' as const,
  current: { number: 'C014', serviceId: 'pasy', calledAt: 1_800_000_000_000, calls: 1 },
  waiting: 12,
  updatedAt: 1_800_000_000_000,
};

test('the eight digits show the called number and how many wait', () => {
  assert.is(digitsText(state, true), 'C014  12');
  assert.is(digitsText({ ...state, current: null, waiting: 0 }, true), '----   0');
  assert.is(digitsText({ ...state, status: 'paused', current: null }, true), 'P     12');
});

test('offline or before the first state the digits show dashes, never an old number', () => {
  assert.is(digitsText(state, false), '--------');
  assert.is(digitsText(undefined, true), '--------');
});

test.run();
