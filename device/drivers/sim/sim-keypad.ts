import type { Keypad, KeypadKey } from '../interfaces.ts';

export class SimKeypad implements Keypad {
  private listeners: ((key: KeypadKey) => void)[] = [];

  async start(): Promise<void> {}
  async stop(): Promise<void> {
    this.listeners = [];
  }
  onKey(listener: (key: KeypadKey) => void): void {
    this.listeners.push(listener);
  }
  type(keys: KeypadKey[]): void {
    for (const key of keys) for (const l of this.listeners) l(key);
  }
}
