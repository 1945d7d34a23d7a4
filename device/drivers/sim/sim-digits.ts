import type { Digits } from '../interfaces.ts';
import { Listeners, type Unsubscribe } from '../listeners.ts';

export class SimDigits implements Digits {
  text = '';
  private readonly listeners: Listeners<[string]> = new Listeners();
  constructor(readonly length = 8) {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {
    this.listeners.clear();
  }
  show(text: string): void {
    this.text = text.slice(0, this.length).padEnd(this.length);
    this.listeners.emit(this.text);
  }
  /** Called on every change, as a MAX7219 frame would be sent (benchmarks time this). */
  onShow(listener: (text: string) => void): Unsubscribe {
    return this.listeners.add(listener);
  }
}
