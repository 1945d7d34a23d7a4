interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Concurrent writers share one durable write (group commit): on a Pi's SD card one fsync costs tens
 * of milliseconds, so twenty kiosks pressing at once must not queue twenty of them.
 *
 * `write` persists the state as it is when the write starts, so it covers every change made before.
 * When a write fails, the changes it carried and every change made on top of them are lost together:
 * all their waiters are rejected and `onFailure` must restore the last durable state.
 */
export class GroupCommit {
  private waiting: Waiter[] = [];
  private running = false;

  constructor(
    private readonly write: () => Promise<void>,
    private readonly onFailure: () => void,
  ) {}

  commit(): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
    if (!this.running) {
      this.running = true;
      // Requests that arrived in the same event-loop turn (twenty kiosks pressing at once) are all
      // applied before setImmediate fires, so the first write already carries them all.
      setImmediate(() => void this.drain());
    }
    return done;
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        await this.write();
        for (const w of batch) w.resolve();
      } catch (error) {
        const lost = [...batch, ...this.waiting];
        this.waiting = [];
        this.onFailure();
        for (const w of lost) w.reject(error);
      }
    }
    this.running = false;
  }
}
