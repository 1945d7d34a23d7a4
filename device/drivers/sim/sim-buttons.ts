import type { Buttons } from '../interfaces.ts';
import { Listeners, type Unsubscribe } from '../listeners.ts';

/** Buttons pressed by a test, the command line or the virtual office. */
export class SimButtons implements Buttons {
  readonly lights = new Map<number, boolean>();
  private readonly listeners: Listeners<[number]> = new Listeners();
  private readonly lightListeners: Listeners<[]> = new Listeners();

  async start(): Promise<void> {}
  async stop(): Promise<void> {
    this.listeners.clear();
    this.lightListeners.clear();
  }
  onPress(listener: (button: number) => void): Unsubscribe {
    return this.listeners.add(listener);
  }
  setLight(button: number, on: boolean): void {
    if (this.lights.get(button) === on) return;
    this.lights.set(button, on);
    this.lightListeners.emit();
  }
  onLightChange(listener: () => void): Unsubscribe {
    return this.lightListeners.add(listener);
  }
  press(button: number): void {
    this.listeners.emit(button);
  }
}
