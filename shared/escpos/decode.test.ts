import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeEscpos } from './decode.ts';

test('decodes text in the selected code page with its style', () => {
  const bytes = Uint8Array.of(
    0x1b,
    0x40, // ESC @: initialise
    0x1b,
    0x74,
    0x12, // ESC t 18: PC852
    0x1b,
    0x61,
    0x01, // ESC a 1: centre
    0x1d,
    0x21,
    0x11, // GS ! 0x11: double width, double height
    0x1b,
    0x45,
    0x01, // ESC E 1: bold on
    0x50,
    0xfd,
    0x65,
    0x64,
    0x0a, // "Před" in PC852 (ř = 0xFD), LF
    0x1b,
    0x21,
    0x00, // ESC ! 0: normal size
    0x1b,
    0x45,
    0x00, // ESC E 0: bold off
    0x41,
    0x0a, // "A", LF
    0x1b,
    0x64,
    0x02, // ESC d 2: feed two lines
    0x1d,
    0x56,
    0x00, // GS V 0: full cut
  );
  const receipt = decodeEscpos(bytes);
  assert.equal(receipt.lines[0], { text: 'Před', align: 'center', bold: true, width: 2, height: 2 });
  assert.equal(receipt.lines[1], { text: 'A', align: 'center', bold: false, width: 1, height: 1 });
  assert.is(receipt.lines.length, 4);
  assert.is(receipt.cuts, 1);
});

test('stray or unknown bytes are an error, not silently skipped', () => {
  assert.throws(() => decodeEscpos(Uint8Array.of(0x1b, 0x99, 0x00)), /unsupported command ESC 0x99/);
  assert.throws(() => decodeEscpos(Uint8Array.of(0x07)), /unexpected control byte/);
  assert.throws(() => decodeEscpos(Uint8Array.of(0x1b, 0x74)), /truncated/);
});

test.run();
