import type { keypadKeys } from '../../shared/contract/simulation.ts';
import type { Unsubscribe } from './listeners.ts';

/**
 * One interface per kind of hardware (STYLE.md #4). Every driver, real or simulated, starts in an
 * awaited start() and undoes everything in stop(); the device runtime does both, once, and the roles
 * only attach to them. Listeners are events named for what a person did; each registration returns
 * the way to remove it, so a role that stops leaves nothing behind on hardware that runs on.
 */
export interface Lifecycle {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Push buttons, each with a light in it (kiosk service buttons, the clerk's counter box). */
export interface Buttons extends Lifecycle {
  onPress(listener: (button: number) => void): Unsubscribe;
  setLight(button: number, on: boolean): void;
}

export type KeypadKey = (typeof keypadKeys)[number];

/** The code keypad of the "booked online" section. */
export interface Keypad extends Lifecycle {
  onKey(listener: (key: KeypadKey) => void): Unsubscribe;
}

/** `unknown`: the printer answered no status request (many one-way printers cannot). */
export type PaperStatus = 'ok' | 'paperLow' | 'paperOut' | 'offline' | 'unknown';

/** A receipt printer that takes raw ESC/POS bytes. */
export interface Printer extends Lifecycle {
  print(bytes: Uint8Array): Promise<void>;
  paperStatus(): Promise<PaperStatus>;
  /**
   * Told when the paper changes without being asked: always by the simulated printer, by an ESC/POS
   * printer that sends automatic status back. A printer that cannot is only ever asked.
   */
  onPaperChange(listener: (status: PaperStatus) => void): Unsubscribe;
}

/** A character display: the kiosk's LCD, or a hall text panel. Lines longer than `columns` are cut. */
export interface TextDisplay extends Lifecycle {
  readonly rows: number;
  readonly columns: number;
  show(lines: string[]): void;
}

/** Seven-segment LED digits (MAX7219): the counter box's called number and waiting count. */
export interface Digits extends Lifecycle {
  readonly length: number;
  show(text: string): void;
}
