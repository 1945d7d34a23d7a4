import type { DeviceRole } from '../../shared/contract/device.ts';
import type { Buttons, Digits, Keypad, Printer, TextDisplay } from './interfaces.ts';
import { SimButtons } from './sim/sim-buttons.ts';
import { SimDigits } from './sim/sim-digits.ts';
import { SimKeypad } from './sim/sim-keypad.ts';
import { SimPrinter } from './sim/sim-printer.ts';
import { SimTextDisplay } from './sim/sim-text-display.ts';

export interface KioskDrivers { buttons: Buttons; keypad: Keypad; printer: Printer; lcd: TextDisplay }
export interface CounterDrivers { buttons: Buttons; digits: Digits }
export interface DisplayDrivers { panel: TextDisplay }
export interface DriversByRole { kiosk: KioskDrivers; counter: CounterDrivers; display: DisplayDrivers }

export interface DriverFactory {
  create<R extends DeviceRole>(role: R): DriversByRole[R];
}

/**
 * Simulated hardware with the real data formats. The real drivers (issue #4) join as another
 * factory that imports onoff, node-hid, escpos adapters and johnny-five lazily, inside create().
 */
export const simDriverFactory: DriverFactory = {
  create<R extends DeviceRole>(role: R): DriversByRole[R] {
    const byRole: { [K in DeviceRole]: () => DriversByRole[K] } = {
      kiosk: () => ({ buttons: new SimButtons(), keypad: new SimKeypad(), printer: new SimPrinter(), lcd: new SimTextDisplay(4, 20) }),
      counter: () => ({ buttons: new SimButtons(), digits: new SimDigits(8) }),
      display: () => ({ panel: new SimTextDisplay(6, 24) }),
    };
    return byRole[role]();
  },
};
