import type { Buttons } from '../interfaces.ts';

/** Buttons pressed by a test, the command line or the virtual office. */
export class SimButtons implements Buttons {
  readonly lights = new Map<number, boolean>();
  private listeners: ((button: number) => void)[] = [];

  async start(): Promise<void> {}
  async stop(): Promise<void> {
    this.listeners = [];
  }
  onPress(listener: (button: number) => void): void {
    this.listeners.push(listener);
  }
  setLight(button: number, on: boolean): void {
    this.lights.set(button, on);
  }
  press(button: number): void {
    for (const l of this.listeners) l(button);
  }
}
