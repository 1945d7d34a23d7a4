import type { Keypad, KeypadKey } from '../interfaces.ts';
import { Listeners, type Unsubscribe } from '../listeners.ts';

export class SimKeypad implements Keypad {
  private readonly listeners: Listeners<[KeypadKey]> = new Listeners();

  async start(): Promise<void> {}
  async stop(): Promise<void> {
    this.listeners.clear();
  }
  onKey(listener: (key: KeypadKey) => void): Unsubscribe {
    return this.listeners.add(listener);
  }
  type(keys: KeypadKey[]): void {
    for (const key of keys) this.listeners.emit(key);
  }
}
