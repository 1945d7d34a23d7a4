import type { PaperStatus, Printer } from '../interfaces.ts';
import { Listeners, type Unsubscribe } from '../listeners.ts';
import { AutomaticStatusReader, automaticStatusOn, isStatusAnswer, paperStatusRequest, parsePaperStatus } from './paper-status.ts';
import type { PrinterTransport } from './transport.ts';

/** How long a printer has to answer DLE EOT 4; many answer within 10 ms, some never. */
const statusTimeoutMs = 500;

/**
 * An ESC/POS printer on any transport. Printing sends the bytes the ticket layout made; the paper
 * status is asked with DLE EOT 4, and every connection turns on automatic status back, so that a
 * printer that can says at once when its paper runs out. A printer that answers nothing is
 * reported `unknown` (it may be one-way); one that cannot be reached, `offline`.
 */
export class EscposPrinter implements Printer {
  private readonly listeners: Listeners<[PaperStatus]> = new Listeners();

  constructor(private readonly transport: PrinterTransport) {
    const reader = new AutomaticStatusReader((status) => {
      this.listeners.emit(status);
    });
    transport.greet(automaticStatusOn);
    transport.onUnasked((byte) => reader.push(byte));
  }

  get description(): string {
    return this.transport.description;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {
    this.listeners.clear();
    await this.transport.close();
  }

  print(bytes: Uint8Array): Promise<void> {
    return this.transport.write(bytes);
  }

  async paperStatus(): Promise<PaperStatus> {
    try {
      const byte = await this.transport.ask(paperStatusRequest, statusTimeoutMs, isStatusAnswer);
      return byte === undefined ? 'unknown' : (parsePaperStatus(byte) ?? 'unknown');
    } catch {
      return 'offline';
    }
  }

  onPaperChange(listener: (status: PaperStatus) => void): Unsubscribe {
    return this.listeners.add(listener);
  }
}
