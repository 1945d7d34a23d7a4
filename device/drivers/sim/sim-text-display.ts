import type { TextDisplay } from '../interfaces.ts';

export class SimTextDisplay implements TextDisplay {
  lines: string[] = [];
  private listeners: (() => void)[] = [];
  constructor(
    readonly rows = 4,
    readonly columns = 20,
  ) {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {
    this.listeners = [];
  }
  show(lines: string[]): void {
    this.lines = Array.from({ length: this.rows }, (_, k) => (lines[k] ?? '').slice(0, this.columns));
    for (const l of this.listeners) l();
  }
  onShow(listener: () => void): void {
    this.listeners.push(listener);
  }
}
