import type { PaperStatus, Printer } from '../interfaces.ts';

/** Keeps the exact bytes each print sent, as a printer would receive them; paper can be taken away. */
export class SimPrinter implements Printer {
  readonly printed: Uint8Array[] = [];
  paper: PaperStatus = 'ok';
  private listeners: ((bytes: Uint8Array) => void)[] = [];

  async start(): Promise<void> {}
  async stop(): Promise<void> {
    this.listeners = [];
  }
  async print(bytes: Uint8Array): Promise<void> {
    if (this.paper === 'paperOut' || this.paper === 'offline') throw new Error(`printer ${this.paper}`);
    this.printed.push(bytes);
    for (const l of this.listeners) l(bytes);
  }
  async paperStatus(): Promise<PaperStatus> {
    return this.paper;
  }
  /** Called with the bytes of every print, the moment they reach the printer (benchmarks time this). */
  onPrint(listener: (bytes: Uint8Array) => void): void {
    this.listeners.push(listener);
  }
}
