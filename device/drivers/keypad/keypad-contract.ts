import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Keypad, KeypadKey } from '../interfaces.ts';

export interface KeypadUnderTest {
  keypad: Keypad;
  press(key: KeypadKey): void;
}

/** What every Keypad driver must do (STYLE.md #6). */
export function keypadContract(name: string, open: () => Promise<KeypadUnderTest>): void {
  test(`${name}: each key pressed reaches every listener once, in order`, async () => {
    const t = await open();
    await t.keypad.start();
    const a: KeypadKey[] = [];
    const b: KeypadKey[] = [];
    t.keypad.onKey((k) => a.push(k));
    t.keypad.onKey((k) => b.push(k));
    for (const key of ['4', '8', 'back', '2', 'enter'] as const) t.press(key);
    assert.equal(a, ['4', '8', 'back', '2', 'enter']);
    assert.equal(b, a);
    await t.keypad.stop();
  });

  test(`${name}: after stop no key reaches a listener`, async () => {
    const t = await open();
    await t.keypad.start();
    const keys: KeypadKey[] = [];
    t.keypad.onKey((k) => keys.push(k));
    await t.keypad.stop();
    t.press('1');
    assert.equal(keys, []);
  });
}
