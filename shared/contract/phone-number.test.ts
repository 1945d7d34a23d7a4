import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { maskedPhone, normalisePhone, spacedPhone, takesSms } from './phone-number.ts';

test('a Czech number is kept as +420 and nine digits however it was typed', () => {
  for (const typed of ['777123456', '777 123 456', '+420 777 123 456', '+420777123456', '00420 777 123 456', ' 777 123 456 ']) assert.is(normalisePhone(typed), '+420777123456', typed);
});

test('a foreign number keeps its country code, after a + or 00', () => {
  assert.is(normalisePhone('+421 905 123 456'), '+421905123456');
  assert.is(normalisePhone('0049 151 23456789'), '+4915123456789');
  assert.is(normalisePhone('+44 7911 123456'), '+447911123456');
});

test('a number that cannot be dialled is refused, not guessed', () => {
  for (const bad of ['77712345', '7771234567', '+420 77712345', '+420 0777 123 45', '+420 177 123 456', '+0 777 123 456', '+1234567', '+1234567890123456', 'abc', '', '00 777'])
    assert.is(normalisePhone(bad), null, bad);
});

test('Czech mobile numbers take SMS, Czech fixed lines do not, foreign numbers are given the benefit of the doubt', () => {
  assert.ok(takesSms('+420777123456'));
  assert.ok(takesSms('+420603123456'));
  assert.not.ok(takesSms('+420494337231'));
  assert.ok(takesSms('+421905123456'));
});

test('a masked number shows its country code and last three digits only', () => {
  assert.is(maskedPhone('+420777123456'), '+420 … 456');
});

test('staff read a Czech number in threes, a foreign one as kept', () => {
  assert.is(spacedPhone('+420777123456'), '+420 777 123 456');
  assert.is(spacedPhone('+447911123456'), '+447911123456');
});

test.run();
