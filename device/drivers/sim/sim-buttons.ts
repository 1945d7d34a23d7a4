import type { Buttons } from '../interfaces.ts';

/** Buttons pressed by a test, the command line or the virtual office. */
export class SimButtons implements Buttons {
  readonly lights = new Map<number, boolean>();
  private listeners: ((button: number) => void)[] = [];
  private lightListeners: (() => void)[] = [];

  async start(): Promise<void> {}
  async stop(): Promise<void> {
    this.listeners = [];
    this.lightListeners = [];
  }
  onPress(listener: (button: number) => void): void {
    this.listeners.push(listener);
  }
  setLight(button: number, on: boolean): void {
    if (this.lights.get(button) === on) return;
    this.lights.set(button, on);
    for (const l of this.lightListeners) l();
  }
  onLightChange(listener: () => void): void {
    this.lightListeners.push(listener);
  }
  press(button: number): void {
    for (const l of this.listeners) l(button);
  }
}
