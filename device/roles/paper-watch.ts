import type { PaperStatus, Printer } from '../drivers/interfaces.ts';
import type { Unsubscribe } from '../drivers/listeners.ts';

/** How often an idle kiosk asks its printer about the paper, for printers that do not tell unasked. */
const pollMs = 15_000;

/**
 * The printer's paper as the kiosk last saw it. A kiosk issues tickets only while the printer can
 * print: not when the paper is out, not when the printer is unreachable.
 */
export class PaperWatch {
  status: PaperStatus = 'unknown';

  constructor(
    private readonly printer: Printer,
    private readonly changed: (status: PaperStatus) => void,
  ) {}

  get usable(): boolean {
    return this.status !== 'paperOut' && this.status !== 'offline';
  }

  /** Watches until the returned call. */
  attach(): Unsubscribe {
    // A printer that tells at once is believed at once: the next citizen must not press a lit button for nothing.
    const told = this.printer.onPaperChange((status) => this.update(status));
    void this.check();
    const timer = setInterval(() => void this.check(), pollMs);
    timer.unref();
    return () => {
      told();
      clearInterval(timer);
    };
  }

  async check(): Promise<PaperStatus> {
    const status = await this.printer.paperStatus();
    this.update(status);
    return status;
  }

  private update(status: PaperStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.changed(status);
  }
}
