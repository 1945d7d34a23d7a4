import type { DeviceRole } from '../../shared/contract/device.ts';
import { kioskLcd } from '../../shared/texts/kiosk-texts.ts';
import type { HardwareSettings } from '../hardware-settings.ts';
import type { Buttons, Digits, Keypad, Printer, TextDisplay } from './interfaces.ts';
import { SimButtons } from './sim/sim-buttons.ts';
import { SimDigits } from './sim/sim-digits.ts';
import { SimKeypad } from './sim/sim-keypad.ts';
import { SimPrinter } from './sim/sim-printer.ts';
import { SimTextDisplay } from './sim/sim-text-display.ts';

export interface KioskDrivers {
  buttons: Buttons;
  keypad: Keypad;
  printer: Printer;
  lcd: TextDisplay;
}
export interface CounterDrivers {
  buttons: Buttons;
  digits: Digits;
}
export interface DisplayDrivers {
  panel: TextDisplay;
}
export interface DriversByRole {
  kiosk: KioskDrivers;
  counter: CounterDrivers;
  display: DisplayDrivers;
}

export interface DriverFactory {
  create<R extends DeviceRole>(role: R): Promise<DriversByRole[R]>;
}

/**
 * Each part of the device from its settings. Real drivers are imported only when a part names
 * one, and they import their native libraries (onoff, node-hid, serialport, johnny-five) only in
 * start(): a machine without GPIO, libusb or a serial port runs the simulation untouched.
 */
const parts = {
  async buttons(s: HardwareSettings['buttons']): Promise<Buttons> {
    if (s?.kind === 'gpio') return new (await import('./gpio/onoff-buttons.ts')).OnoffButtons(s);
    if (s?.kind === 'johnny-five') return new (await import('./j5/j5-buttons.ts')).J5Buttons(s);
    return new SimButtons();
  },
  async keypad(s: HardwareSettings['keypad']): Promise<Keypad> {
    if (s?.kind === 'hid') return new (await import('./keypad/hid-keypad.ts')).HidKeypad(s);
    return new SimKeypad();
  },
  async printer(s: HardwareSettings['printer']): Promise<Printer> {
    if (!s || s.kind === 'sim') return new SimPrinter();
    const { EscposPrinter } = await import('./printer/escpos-printer.ts');
    if (s.kind === 'network') return new EscposPrinter(new (await import('./printer/network-transport.ts')).NetworkTransport(s.host, s.port));
    if (s.kind === 'serial') return new EscposPrinter(new (await import('./printer/serial-transport.ts')).SerialTransport(s.path, s.baudRate));
    return new EscposPrinter(new (await import('./printer/device-file-transport.ts')).DeviceFileTransport(s.path));
  },
  async lcd(s: HardwareSettings['lcd'], rows: number, columns: number): Promise<TextDisplay> {
    if (s?.kind === 'johnny-five') return new (await import('./j5/j5-lcd.ts')).J5TextDisplay(s);
    return new SimTextDisplay(rows, columns);
  },
  async digits(s: HardwareSettings['digits']): Promise<Digits> {
    if (s?.kind === 'johnny-five') return new (await import('./j5/j5-digits.ts')).J5Digits(s);
    return new SimDigits(8);
  },
};

export function driverFactory(s: HardwareSettings): DriverFactory {
  const byRole: { [K in DeviceRole]: () => Promise<DriversByRole[K]> } = {
    kiosk: async () => ({
      buttons: await parts.buttons(s.buttons),
      keypad: await parts.keypad(s.keypad),
      printer: await parts.printer(s.printer),
      lcd: await parts.lcd(s.lcd, kioskLcd.rows, kioskLcd.columns),
    }),
    counter: async () => ({ buttons: await parts.buttons(s.buttons), digits: await parts.digits(s.digits) }),
    display: async () => ({ panel: await parts.lcd(s.lcd, 6, 24) }),
  };
  return {
    create<R extends DeviceRole>(role: R): Promise<DriversByRole[R]> {
      return byRole[role]() as Promise<DriversByRole[R]>;
    },
  };
}

/** Every part simulated, with the real data formats: the office script, the tests, the virtual office. */
export const simDriverFactory: DriverFactory = driverFactory({});
