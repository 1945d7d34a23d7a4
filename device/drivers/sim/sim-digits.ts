import type { Digits } from '../interfaces.ts';

export class SimDigits implements Digits {
  text = '';
  private listeners: ((text: string) => void)[] = [];
  constructor(readonly length = 8) {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {
    this.listeners = [];
  }
  show(text: string): void {
    this.text = text.slice(0, this.length).padEnd(this.length);
    for (const l of this.listeners) l(this.text);
  }
  /** Called on every change, as a MAX7219 frame would be sent (benchmarks time this). */
  onShow(listener: (text: string) => void): void {
    this.listeners.push(listener);
  }
}
