import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type KioskScreen, kioskLcd, kioskLines, kioskScreens } from './kiosk-texts.ts';

/** The longest each placeholder gets: a letter and four digits, a time, a twelve-digit code. */
const longest = { number: 'P0001', time: '12:45', code: '123456789012' };

test('every line of every kiosk screen, Czech and English, fits the 20 columns of the LCD with its longest values', () => {
  const tooLong = (Object.keys(kioskScreens) as KioskScreen[]).flatMap((screen) =>
    kioskLines(screen, longest)
      .filter((line) => line.length > kioskLcd.columns)
      .map((line) => `${screen}: "${line}"`),
  );
  assert.equal(tooLong, []);
});

test('every screen has its two lines in each language, none empty', () => {
  for (const screen of Object.keys(kioskScreens) as KioskScreen[]) {
    const lines = kioskLines(screen, longest);
    assert.is(lines.length, kioskLcd.rows, screen);
    assert.ok(
      lines.every((line) => line.trim().length > 0),
      screen,
    );
  }
});

test.run();
