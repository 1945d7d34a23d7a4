import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eventually } from '../support/eventually.ts';
import { kostelec, runOffice } from '../support/office-fixture.ts';

test('a code typed on the keypad shows on the LCD, is forgotten after the pause, and an unknown code is said so', async () => {
  const config = kostelec((c) => {
    c.rules = { codeEntryTimeoutSeconds: 1 };
  });
  const office = await runOffice({ withDevices: true, config });
  try {
    const kiosk = office.sim!.kiosk('kiosk-hala');
    await eventually('the kiosk ready', () => kiosk.lcd.lines[0] === 'Dobrý den,');
    kiosk.keypad.type(['4', '8', '2']);
    assert.equal(kiosk.lcd.lines.slice(0, 2), ['Kód rezervace:', '482']);
    await eventually('the half-typed code forgotten', () => kiosk.lcd.lines[0] === 'Dobrý den,', 3000);
    kiosk.keypad.type(['4', '8', '2', '9', '1', '3', 'enter']);
    await eventually('the unknown code message', () => kiosk.lcd.lines[0] === 'Neznámý kód,');
    assert.is(kiosk.printer.printed.length, 0);
  } finally {
    await office.stop();
  }
});

test.run();
