/** Thrown when the queue of password hashes is full: the caller answers "busy" without hashing. */
export class HashingBusy extends Error {
  constructor() {
    super('too many logins at once');
  }
}

/**
 * Runs at most `running` password hashes at a time and lets at most `waiting` wait. scrypt runs on
 * libuv's thread pool (four threads), which the file writes of the queue share: a burst of logins
 * hashed all at once held a kiosk's ticket write back for seconds. With one hash at a time three
 * threads stay free for the queue, and a burst beyond the waiting room is refused before it costs anything.
 */
export class HashingQueue {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly running = 1,
    private readonly waiting = 16,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.running) {
      if (this.queue.length >= this.waiting) throw new HashingBusy();
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.active += 1;
    }
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      // The slot passes straight to the next in line; only when none waits does it free up.
      if (next) next();
      else this.active -= 1;
    }
  }
}
