import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { idPattern, phonePattern } from './patterns.ts';

test('a phone number is 9 to 15 digits, as the pages say, with single spaces and an optional +', () => {
  for (const ok of ['777123456', '+420 777 123 456', '+420777123456', '494 337 231', '123456789012345']) assert.ok(phonePattern.test(ok), ok);
  for (const bad of ['77712345', '1234567890123456', '777  123 456', ' 777123456', '+ 420777123456', '777-123-456', '+420 777 123 45x']) assert.not.ok(phonePattern.test(bad), bad);
});

test('an id is lowercase letters, digits and dashes, starting with a letter or digit, at most 40 characters', () => {
  for (const ok of ['pasy', 'prepazka-2', 'kiosk-hala', '7', 'a'.repeat(40)]) assert.ok(idPattern.test(ok), ok);
  for (const bad of ['', '-pasy', 'Pasy', 'pasy_1', 'přepážka', 'a'.repeat(41), '+', '#']) assert.not.ok(idPattern.test(bad), bad);
});

test.run();
