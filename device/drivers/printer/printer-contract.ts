import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { PaperStatus, Printer } from '../interfaces.ts';

export interface PrinterUnderTest {
  printer: Printer;
  /** The bytes that reached the paper, in order. */
  printed(): Uint8Array;
  setPaper(status: 'ok' | 'paperLow' | 'paperOut'): void;
  cleanup(): Promise<void>;
}

/** What every Printer driver must do, simulated or real (STYLE.md #6). */
export function printerContract(name: string, open: () => Promise<PrinterUnderTest>): void {
  test(`${name}: the exact bytes printed reach the paper, in order`, async () => {
    const t = await open();
    await t.printer.start();
    await t.printer.print(Uint8Array.of(0x1b, 0x40, 0x41, 0x0a));
    await t.printer.print(Uint8Array.of(0x42, 0x0a));
    await waitFor(() => t.printed().length === 6);
    assert.equal([...t.printed()], [0x1b, 0x40, 0x41, 0x0a, 0x42, 0x0a]);
    await t.printer.stop();
    await t.cleanup();
  });

  test(`${name}: the paper status follows the paper`, async () => {
    const t = await open();
    await t.printer.start();
    const seen: PaperStatus[] = [];
    for (const paper of ['ok', 'paperLow', 'paperOut'] as const) {
      t.setPaper(paper);
      seen.push(await t.printer.paperStatus());
    }
    assert.equal(seen, ['ok', 'paperLow', 'paperOut']);
    await t.printer.stop();
    await t.cleanup();
  });

  test(`${name}: a paper change is told unasked once the printer has been reached`, async () => {
    const t = await open();
    await t.printer.start();
    const told: PaperStatus[] = [];
    t.printer.onPaperChange((status) => told.push(status));
    assert.is(await t.printer.paperStatus(), 'ok');
    t.setPaper('paperOut');
    await waitFor(() => told.at(-1) === 'paperOut');
    t.setPaper('ok');
    await waitFor(() => told.at(-1) === 'ok');
    assert.equal(told.slice(-2), ['paperOut', 'ok'], 'paper out and back, without a status request');
    await t.printer.stop();
    await t.cleanup();
  });
}

async function waitFor(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}
