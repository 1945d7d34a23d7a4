import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { printable, unprintable } from './printable.ts';

test('Czech letters print as typed on PC852; dashes, quotes and the euro sign in their plain form', () => {
  assert.is(printable('Příliš žluťoučký kůň úpěl ďábelské ódy'), 'Příliš žluťoučký kůň úpěl ďábelské ódy');
  assert.is(printable('Pokladna – poplatky „správní“ v €'), 'Pokladna - poplatky "správní" v EUR');
  assert.is(printable('Ñandú…'), 'Nandú...');
});

test('a character with no plain form prints as one question mark, as the printer would, and is named as unprintable', () => {
  assert.is(printable('Служба 1'), '?????? 1');
  assert.equal(unprintable('Pokladna – „A“ €'), ['–', '„', '“', '€']);
  assert.equal(unprintable('Živnostenský rejstřík'), []);
});

test.run();
