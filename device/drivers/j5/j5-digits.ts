import type { Digits } from '../interfaces.ts';
import { type BoardSettings, type Five, fiveAndBoard, type J5LedControl, loadFive } from './board.ts';
import { segmentsOf } from './seven-segment.ts';

export interface DigitsSettings extends BoardSettings {
  pins: { data: number; clock: number; cs: number };
  length?: number;
  /** The common eight-digit modules wire digit register 1 to the rightmost digit; false when yours is wired left to right. */
  rightmostFirst?: boolean;
}

/**
 * Eight seven-segment digits on a MAX7219, via johnny-five's Led.Digits. The segment bytes are
 * ours (seven-segment.ts), sent to the digit registers directly: johnny-five's print() drops "-".
 */
export class J5Digits implements Digits {
  readonly length: number;
  private control: J5LedControl | undefined;
  private shown = '';

  constructor(
    private readonly settings: DigitsSettings,
    private readonly five: () => Promise<Five> = loadFive,
    private readonly io?: unknown,
  ) {
    this.length = settings.length ?? 8;
  }

  async start(): Promise<void> {
    const { five, board } = await fiveAndBoard(this.settings, this.five, this.io);
    this.control = new five.Led.Digits({ pins: this.settings.pins, devices: 1, board });
    this.control.on();
  }

  async stop(): Promise<void> {
    this.control = undefined;
  }

  show(text: string): void {
    // Each digit is 16 bits clocked out pin by pin (about 50 writes): unchanged digits are not resent.
    if (!this.control || text === this.shown) return;
    this.shown = text;
    // MAX7219 digit registers are 1-8 (deploy/WIRING.md).
    const rightmostFirst = this.settings.rightmostFirst ?? true;
    segmentsOf(text, this.length).forEach((segments, k) => {
      this.control!.send(0, rightmostFirst ? this.length - k : k + 1, segments);
    });
  }
}
