import type { KeypadKey } from '../interfaces.ts';
import { parseBootReport } from './boot-report.ts';
import { keypadUsages } from './hid-usages.ts';

/**
 * Turns successive reports into key presses: a key counts when it appears, not while it is held
 * (so no auto-repeat), and a rollover report is ignored rather than read as "all keys released".
 * A "00" key sends 0x62, nothing, 0x62 (two presses of 0), or the one usage Keypad 00.
 */
export class KeyPresses {
  private held = new Set<number>();

  feed(bytes: Uint8Array): KeypadKey[] {
    const report = parseBootReport(bytes);
    if (report === undefined || report === 'rollover') return [];
    const pressed = report.keys.filter((k) => !this.held.has(k));
    this.held = new Set(report.keys);
    return pressed.flatMap((k) => keypadUsages[k] ?? []);
  }
}
