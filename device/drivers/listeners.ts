/** What a listener registration returns: calling it removes exactly that listener. */
export type Unsubscribe = () => void;

/** The listeners of one event of a driver or link. */
export class Listeners<A extends unknown[]> {
  private readonly all = new Set<(...args: A) => void>();

  add(listener: (...args: A) => void): Unsubscribe {
    // Wrapped, so the same function added twice is two listeners, each removed by its own call.
    const entry = (...args: A) => listener(...args);
    this.all.add(entry);
    return () => this.all.delete(entry);
  }

  emit(...args: A): void {
    for (const listener of this.all) listener(...args);
  }

  clear(): void {
    this.all.clear();
  }
}
