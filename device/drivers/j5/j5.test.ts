import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FakeIo, replayHd44780, replayMax7219 } from '../../../test/fakes/fake-io.ts';
import { buttonsContract } from '../buttons-contract.ts';
import { digitsContract, textDisplayContract } from '../display-contract.ts';
import { SimDigits } from '../sim/sim-digits.ts';
import { SimTextDisplay } from '../sim/sim-text-display.ts';
import { forgetBoards } from './board.ts';
import { J5Buttons } from './j5-buttons.ts';
import { J5Digits } from './j5-digits.ts';
import { J5TextDisplay } from './j5-lcd.ts';
import { lcdScreen, readLcd } from './lcd-glyphs.ts';
import { textOfSegments } from './seven-segment.ts';

let ports = 0;
/** Each test its own fake board, as on its own serial port. */
const freshBoard = () => ({ io: new FakeIo(), port: `/dev/fake${++ports}` });

textDisplayContract('SimTextDisplay', async () => {
  const display = new SimTextDisplay(4, 20);
  return { display, read: () => display.lines };
});

textDisplayContract('J5TextDisplay (HD44780 + PCF8574)', async () => {
  const { io, port } = freshBoard();
  const display = new J5TextDisplay({ port, address: 0x27 }, undefined, io);
  return {
    display,
    read: () => {
      const bytes = io.i2cWrites.filter(([address]) => address === 0x27).flatMap(([, b]) => b);
      const { ddram, cgram } = replayHd44780(bytes);
      return readLcd(ddram, cgram);
    },
  };
});

digitsContract('SimDigits', async () => {
  const digits = new SimDigits(8);
  return { digits, read: () => digits.text };
});

const digitPins = { data: 2, clock: 3, cs: 4 };
digitsContract('J5Digits (MAX7219)', async () => {
  const { io, port } = freshBoard();
  const digits = new J5Digits({ port, pins: digitPins }, undefined, io);
  return {
    digits,
    read: () => {
      const registers = replayMax7219(io.digitalWrites, digitPins);
      // Register 8 holds the leftmost digit on the common modules (rightmostFirst, the default).
      return textOfSegments(Array.from({ length: 8 }, (_, k) => registers.get(8 - k) ?? 0));
    },
  };
});

const counterBox = [
  { button: 1, input: 5, light: 10 },
  { button: 2, input: 6, light: 11 },
];
buttonsContract('J5Buttons', async () => {
  const { io, port } = freshBoard();
  const buttons = new J5Buttons({ port, pins: counterBox }, undefined, io);
  const inputOf = (b: number) => counterBox.find((p) => p.button === b)!.input;
  const lightOf = (b: number) => counterBox.find((p) => p.button === b)!.light;
  return {
    buttons,
    // Pulled up: released reads 1, pressed pulls the pin to 0. johnny-five debounces (7 ms).
    press: async (b) => {
      io.setInput(inputOf(b), 0);
      await new Promise((r) => setTimeout(r, 20));
      io.setInput(inputOf(b), 1);
      await new Promise((r) => setTimeout(r, 20));
    },
    light: (b) => io.digitalWrites.filter(([pin]) => pin === lightOf(b)).at(-1)?.[1] === 1,
    cleanup: async () => forgetBoards(),
  };
});

test('a screen with more than eight distinct Czech letters shows the eight most frequent, the rest plain', () => {
  const screen = lcdScreen(['áéíóúůýč', 'ěňřšťž ž ž'], 2, 20);
  assert.is(screen.glyphs.length, 8);
  assert.is(screen.glyphs[0]!.char, 'ž');
  const shown = readLcd(
    screen.rows,
    Array.from({ length: 8 }, (_, slot) => screen.glyphs.find((g) => g.slot === slot)?.rows ?? []),
  );
  assert.is([...shown.join('')].filter((c) => /[a-z]/.test(c)).length > 0, true);
  assert.ok(shown[1]!.includes('ž ž ž'));
});

test.run();
