import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseBootReport } from './boot-report.ts';
import { keyboardInterfaces } from './hid-keypad.ts';
import { KeyPresses } from './key-presses.ts';

// Reports as a 17-key USB keypad sends them through hidraw (recorded shapes, boot protocol).
const release = [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]; // nothing held
const key4 = [0x00, 0x00, 0x5c, 0x00, 0x00, 0x00, 0x00, 0x00]; // keypad 4 down
const key8 = [0x00, 0x00, 0x60, 0x00, 0x00, 0x00, 0x00, 0x00]; // keypad 8 down
const key4and8 = [0x00, 0x00, 0x5c, 0x60, 0x00, 0x00, 0x00, 0x00]; // 4 still held, 8 added (rollover of two keys)
const key0 = [0x00, 0x00, 0x62, 0x00, 0x00, 0x00, 0x00, 0x00]; // keypad 0 down (a "00" key sends this twice)
const key00 = [0x00, 0x00, 0xb0, 0x00, 0x00, 0x00, 0x00, 0x00]; // Keypad 00 as one usage
const key000 = [0x00, 0x00, 0xb1, 0x00, 0x00, 0x00, 0x00, 0x00]; // Keypad 000
const enter = [0x00, 0x00, 0x58, 0x00, 0x00, 0x00, 0x00, 0x00]; // keypad Enter down
const backspace = [0x00, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x00, 0x00]; // Backspace (the "←" key)
const del = [0x00, 0x00, 0x63, 0x00, 0x00, 0x00, 0x00, 0x00]; // keypad . / Del
const escapeKey = [0x00, 0x00, 0x29, 0x00, 0x00, 0x00, 0x00, 0x00]; // Esc
const numLock = [0x00, 0x00, 0x53, 0x00, 0x00, 0x00, 0x00, 0x00]; // Num Lock: ignored
const phantom = [0x00, 0x00, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01]; // ErrorRollOver in every slot

const feedAll = (reports: number[][]) => {
  const presses = new KeyPresses();
  return reports.flatMap((r) => presses.feed(Uint8Array.from(r)));
};

test('each key counts once when it goes down, not again while held', () => {
  assert.equal(feedAll([key4, key4, key4, release, key8, release, enter, release]), ['4', '8', 'enter']);
});

test('a key added while another is held is pressed; the held one is not repeated', () => {
  assert.equal(feedAll([key4, key4and8, key8, release]), ['4', '8']);
});

test('a "00" key gives two zeros, whether it sends 0 twice or the Keypad 00 usage; "000" gives three', () => {
  assert.equal(feedAll([key0, release, key0, release]), ['0', '0']);
  assert.equal(feedAll([key4, release, key00, release, key000, key000, release]), ['4', '0', '0', '0', '0', '0']);
});

test('the rollover report is ignored, not read as a release', () => {
  assert.equal(feedAll([key4, phantom, key4, release]), ['4']);
});

test('correct and clear keys as printed on keypads; Num Lock does nothing', () => {
  assert.equal(feedAll([backspace, release, del, release, escapeKey, release, numLock, release]), ['back', 'back', 'clear']);
});

test('reports with a leading report id are read the same', () => {
  const withId = (r: number[]) => [0x01, ...r]; // report id 1, then the 8-byte boot report
  assert.equal(feedAll([withId(key4), withId(release), withId(enter), withId(release)]), ['4', 'enter']);
});

test('reports of any other length are not keyboard reports', () => {
  assert.is(parseBootReport(Uint8Array.of(0x00, 0x00, 0x5c)), undefined);
  assert.equal(feedAll([[0x02, 0x5c, 0x00]]), []);
});

test('the keyboard interface of a keypad is chosen by usage page 1, usage 6', () => {
  const devices = [
    { path: '/dev/hidraw0', vendorId: 0x1c4f, productId: 0x0002, usagePage: 12, usage: 1 }, // consumer control of the same keypad
    { path: '/dev/hidraw1', vendorId: 0x1c4f, productId: 0x0002, usagePage: 1, usage: 6 }, // its keyboard
    { path: '/dev/hidraw2', vendorId: 0x046d, productId: 0xc31c, usagePage: 1, usage: 6 }, // a full keyboard also attached
  ];
  assert.equal(
    keyboardInterfaces(devices).map((d) => d.path),
    ['/dev/hidraw1', '/dev/hidraw2'],
  );
  assert.equal(
    keyboardInterfaces(devices, { vendorId: 0x1c4f }).map((d) => d.path),
    ['/dev/hidraw1'],
  );
});

test.run();
