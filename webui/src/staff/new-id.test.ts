import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { idPattern } from '../../../shared/contract/patterns.ts';
import { newId } from './new-id.ts';

test('a new id is the Czech name without diacritics, valid as an id, and never one already taken', () => {
  assert.is(newId('Matrika a ověřování', []), 'matrika-a-overovani');
  assert.is(newId('Řidičské průkazy', [{ id: 'ridicske-prukazy' }, { id: 'ridicske-prukazy-2' }]), 'ridicske-prukazy-3');
  assert.is(newId('  !!  ', []), 'nove');
  for (const name of ['Žluťoučký kůň úpěl ďábelské ódy – velmi dlouhý název služby', 'A', '42']) assert.match(newId(name, []), idPattern);
});

test.run();
