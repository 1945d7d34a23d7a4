import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Digits, TextDisplay } from './interfaces.ts';

export interface TextDisplayUnderTest {
  display: TextDisplay;
  read(): string[];
}
export interface DigitsUnderTest {
  digits: Digits;
  read(): string;
}

/** What every TextDisplay driver must do (STYLE.md #6): the kiosk's Czech screens read back as given. */
export function textDisplayContract(name: string, open: () => Promise<TextDisplayUnderTest>): void {
  test(`${name}: a four-line Czech screen reads back as shown, cut to the width`, async () => {
    const t = await open();
    await t.display.start();
    t.display.show(['Dobrý den,', 'zvolte službu', 'Welcome,', 'choose a service and a very long tail']);
    assert.equal(t.read().slice(0, 4), ['Dobrý den,', 'zvolte službu', 'Welcome,', 'choose a service and a very long tail'.slice(0, t.display.columns)]);
    t.display.show(['Došel papír', 'přivolejte obsluhu']);
    assert.equal(t.read().slice(0, 2), ['Došel papír', 'přivolejte obsluhu']);
    assert.equal(t.read().slice(2).filter(Boolean), []);
    await t.display.stop();
  });
}

/** What every Digits driver must do: the counter's number and waiting count, dashes when offline. */
export function digitsContract(name: string, open: () => Promise<DigitsUnderTest>): void {
  test(`${name}: shows the called number and waiting count, and dashes`, async () => {
    const t = await open();
    await t.digits.start();
    t.digits.show('C014  12');
    assert.is(t.read(), 'C014  12');
    t.digits.show('--------');
    assert.is(t.read(), '--------');
    await t.digits.stop();
  });
}
