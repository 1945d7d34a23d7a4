import EscposPrinterClass from 'escpos/printer.js';
import { printable } from '../../shared/escpos/printable.ts';

/** The part of npm escpos 2.x's Printer we use; the package ships no types. */
export interface EscposPrinter {
  hardware(kind: 'init'): EscposPrinter;
  encode(encoding: string): EscposPrinter;
  align(align: 'lt' | 'ct' | 'rt'): EscposPrinter;
  size(width: number, height: number): EscposPrinter;
  text(content: string): EscposPrinter;
  print(content: Buffer | string): EscposPrinter;
  feed(lines: number): EscposPrinter;
  cut(partial?: boolean, feed?: number): EscposPrinter;
  flush(callback: () => void): EscposPrinter;
}

interface Collector {
  write(data: Buffer, callback?: () => void): void;
  chunks: Buffer[];
}

// printer.js alone: the package index also loads its USB, serial and Bluetooth adapters.
// Loaded only on kiosks (roles load lazily); the device bundle drops its image library (build-device.ts).
const Printer = EscposPrinterClass as new (adapter: unknown, options: { encoding: string }) => EscposPrinter;

/**
 * Lays out with escpos into memory; the bytes go to whichever Printer driver the device has. Every
 * text is first made printable on the code page (shared/escpos/printable.ts), since escpos would
 * send "?" for a character the code page lacks.
 */
export function composeEscpos(codePage: { escT: number; iconv: string }, layout: (printer: EscposPrinter) => void): Uint8Array {
  const collector: Collector = {
    chunks: [],
    write(data, callback) {
      this.chunks.push(data);
      callback?.();
    },
  };
  // `new` matters: escpos 2.x called without it silently drops the options (docs/HARDWARE.md).
  const printer = new Printer(collector, { encoding: codePage.iconv });
  const text = printer.text.bind(printer);
  printer.text = (content) => text(printable(content, codePage.escT));
  layout(printer);
  printer.flush(() => {});
  return new Uint8Array(Buffer.concat(collector.chunks));
}
