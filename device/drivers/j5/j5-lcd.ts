import type { TextDisplay } from '../interfaces.ts';
import { type BoardSettings, type Five, fiveAndBoard, type J5Lcd, loadFive } from './board.ts';
import { lcdScreen } from './lcd-glyphs.ts';

export interface LcdSettings extends BoardSettings {
  address?: number;
  rows?: number;
  columns?: number;
}

/** An HD44780 character LCD behind a PCF8574 I2C backpack (address 0x27, or 0x3F), via johnny-five. */
export class J5TextDisplay implements TextDisplay {
  readonly rows: number;
  readonly columns: number;
  private lcd: J5Lcd | undefined;
  private shown = '';

  constructor(
    private readonly settings: LcdSettings,
    private readonly five: () => Promise<Five> = loadFive,
    private readonly io?: unknown,
  ) {
    this.rows = settings.rows ?? 4;
    this.columns = settings.columns ?? 20;
  }

  async start(): Promise<void> {
    const { five, board } = await fiveAndBoard(this.settings, this.five, this.io);
    this.lcd = new five.LCD({ controller: 'PCF8574', address: this.settings.address ?? 0x27, rows: this.rows, cols: this.columns, board });
  }

  async stop(): Promise<void> {
    this.lcd?.clear();
    this.lcd = undefined;
  }

  show(lines: string[]): void {
    const lcd = this.lcd;
    const key = lines.join('\n');
    // Every character is a few I2C writes: an unchanged screen is not sent again.
    if (!lcd || key === this.shown) return;
    this.shown = key;
    const screen = lcdScreen(lines, this.rows, this.columns);
    for (const glyph of screen.glyphs) lcd.createChar(glyph.slot, glyph.rows);
    screen.rows.forEach((codes, row) => {
      lcd.cursor(row, 0);
      for (const code of codes) lcd.write(code);
    });
  }
}
