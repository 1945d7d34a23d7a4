import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { KeypadKey } from '../drivers/interfaces.ts';
import { type CodeStep, enterKey } from './code-entry.ts';

const typeKeys = (keys: KeypadKey[]): CodeStep => {
  let code = '';
  let step: CodeStep = { kind: 'empty' };
  for (const key of keys) {
    step = enterKey(code, key);
    code = step.kind === 'typing' ? step.code : '';
  }
  return step;
};

test('digits build the code and Enter submits it', () => {
  assert.equal(typeKeys(['4', '8', '2', '9', '1', '3', 'enter']), { kind: 'submit', code: '482913' });
});

test('back corrects the last digit; clear starts again', () => {
  assert.equal(typeKeys(['4', '8', '7', 'back', '2', '9', '1']), { kind: 'typing', code: '4829' + '1' });
  assert.equal(typeKeys(['4', '8', 'clear']), { kind: 'empty' });
  assert.equal(typeKeys(['4', 'back']), { kind: 'empty' });
});

test('Enter on a code too short to be one keeps typing; twelve digits is the most', () => {
  assert.equal(typeKeys(['1', '2', '3', 'enter']), { kind: 'typing', code: '123' });
  assert.equal(typeKeys(['enter']), { kind: 'empty' });
  assert.equal(typeKeys(Array.from({ length: 15 }, () => '7' as KeypadKey)), { kind: 'typing', code: '7'.repeat(12) });
});

test.run();
