import type { PaperStatus, Printer } from '../interfaces.ts';
import { Listeners, type Unsubscribe } from '../listeners.ts';

/** Keeps the exact bytes each print sent, as a printer would receive them; paper can be taken away. */
export class SimPrinter implements Printer {
  readonly printed: Uint8Array[] = [];
  private paperNow: PaperStatus = 'ok';
  private readonly listeners: Listeners<[Uint8Array]> = new Listeners();
  private readonly paperListeners: Listeners<[PaperStatus]> = new Listeners();

  /** Setting it tells the kiosk at once, as a printer with automatic status back would. */
  get paper(): PaperStatus {
    return this.paperNow;
  }
  set paper(status: PaperStatus) {
    if (status === this.paperNow) return;
    this.paperNow = status;
    this.paperListeners.emit(status);
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {
    this.listeners.clear();
    this.paperListeners.clear();
  }
  async print(bytes: Uint8Array): Promise<void> {
    if (this.paper === 'paperOut' || this.paper === 'offline') throw new Error(`printer ${this.paper}`);
    this.printed.push(bytes);
    this.listeners.emit(bytes);
  }
  async paperStatus(): Promise<PaperStatus> {
    return this.paper;
  }
  onPaperChange(listener: (status: PaperStatus) => void): Unsubscribe {
    return this.paperListeners.add(listener);
  }
  /** Called with the bytes of every print, the moment they reach the printer (benchmarks time this). */
  onPrint(listener: (bytes: Uint8Array) => void): Unsubscribe {
    return this.listeners.add(listener);
  }
}
