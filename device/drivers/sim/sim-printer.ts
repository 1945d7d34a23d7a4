import type { PaperStatus, Printer } from '../interfaces.ts';

/** Keeps the exact bytes each print sent, as a printer would receive them; paper can be taken away. */
export class SimPrinter implements Printer {
  readonly printed: Uint8Array[] = [];
  private paperNow: PaperStatus = 'ok';
  private listeners: ((bytes: Uint8Array) => void)[] = [];
  private paperListeners: ((status: PaperStatus) => void)[] = [];

  /** Setting it tells the kiosk at once, as a printer with automatic status back would. */
  get paper(): PaperStatus {
    return this.paperNow;
  }
  set paper(status: PaperStatus) {
    if (status === this.paperNow) return;
    this.paperNow = status;
    for (const l of this.paperListeners) l(status);
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {
    this.listeners = [];
    this.paperListeners = [];
  }
  async print(bytes: Uint8Array): Promise<void> {
    if (this.paper === 'paperOut' || this.paper === 'offline') throw new Error(`printer ${this.paper}`);
    this.printed.push(bytes);
    for (const l of this.listeners) l(bytes);
  }
  async paperStatus(): Promise<PaperStatus> {
    return this.paper;
  }
  onPaperChange(listener: (status: PaperStatus) => void): void {
    this.paperListeners.push(listener);
  }
  /** Called with the bytes of every print, the moment they reach the printer (benchmarks time this). */
  onPrint(listener: (bytes: Uint8Array) => void): void {
    this.listeners.push(listener);
  }
}
