import type { TextDisplay } from '../interfaces.ts';
import { Listeners, type Unsubscribe } from '../listeners.ts';

export class SimTextDisplay implements TextDisplay {
  lines: string[] = [];
  private readonly listeners: Listeners<[]> = new Listeners();
  constructor(
    readonly rows = 4,
    readonly columns = 20,
  ) {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {
    this.listeners.clear();
  }
  show(lines: string[]): void {
    this.lines = Array.from({ length: this.rows }, (_, k) => (lines[k] ?? '').slice(0, this.columns));
    this.listeners.emit();
  }
  onShow(listener: () => void): Unsubscribe {
    return this.listeners.add(listener);
  }
}
