import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Buttons } from './interfaces.ts';

/** `press` resolves once a real driver has had time to report it (debouncing takes a few milliseconds). */
export interface ButtonsUnderTest {
  buttons: Buttons;
  press(button: number): void | Promise<void>;
  light(button: number): boolean | undefined;
  cleanup?: () => Promise<void>;
}

/** What every Buttons driver must do (STYLE.md #6). */
export function buttonsContract(name: string, open: () => Promise<ButtonsUnderTest>): void {
  test(`${name}: a press reaches every listener once, with the button's number`, async () => {
    const t = await open();
    await t.buttons.start();
    const seen: number[] = [];
    t.buttons.onPress((b) => seen.push(b));
    await t.press(2);
    await t.press(1);
    assert.equal(seen, [2, 1]);
    await t.buttons.stop();
    await t.cleanup?.();
  });

  test(`${name}: lights go on and off as told`, async () => {
    const t = await open();
    await t.buttons.start();
    t.buttons.setLight(1, true);
    t.buttons.setLight(2, false);
    assert.equal([t.light(1), t.light(2)], [true, false]);
    t.buttons.setLight(1, false);
    assert.is(t.light(1), false);
    await t.buttons.stop();
    await t.cleanup?.();
  });

  test(`${name}: after stop no press reaches a listener`, async () => {
    const t = await open();
    await t.buttons.start();
    const seen: number[] = [];
    t.buttons.onPress((b) => seen.push(b));
    await t.buttons.stop();
    await t.press(1);
    assert.equal(seen, []);
    await t.cleanup?.();
  });
}
