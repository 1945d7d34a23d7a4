import { EventEmitter } from 'node:events';
import { test } from 'uvu';
import type { KeypadKey } from '../interfaces.ts';
import { SimKeypad } from '../sim/sim-keypad.ts';
import { type HidApi, HidKeypad } from './hid-keypad.ts';
import { keypadUsages } from './hid-usages.ts';
import { keypadContract } from './keypad-contract.ts';

keypadContract('SimKeypad', async () => {
  const keypad = new SimKeypad();
  return { keypad, press: (key) => keypad.type([key]) };
});

/** node-hid's API with one keypad attached, whose reports the test sends. */
function fakeHid() {
  const opened: (EventEmitter & { close(): void; closed: boolean })[] = [];
  const api: HidApi = {
    devices: () => [{ path: '/dev/hidraw3', vendorId: 0x1c4f, productId: 0x0002, usagePage: 1, usage: 6 }],
    HID: class extends EventEmitter {
      closed = false;
      constructor() {
        super();
        opened.push(this);
      }
      close() {
        this.closed = true;
        this.removeAllListeners();
      }
    } as unknown as HidApi['HID'],
  };
  return { api, opened };
}

const usageOf = (key: KeypadKey) => Number(Object.entries(keypadUsages).find(([, k]) => k === key)![0]);

keypadContract('HidKeypad over node-hid', async () => {
  const { api, opened } = fakeHid();
  const keypad = new HidKeypad({}, async () => api);
  return {
    keypad,
    press: (key) => {
      const device = opened.at(-1)!;
      device.emit('data', Buffer.from([0, 0, usageOf(key), 0, 0, 0, 0, 0])); // key down
      device.emit('data', Buffer.alloc(8)); // released
    },
  };
});

test.run();
