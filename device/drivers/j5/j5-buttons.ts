import type { Buttons } from '../interfaces.ts';
import { Listeners, type Unsubscribe } from '../listeners.ts';
import { type BoardSettings, type Five, fiveAndBoard, type J5Button, type J5Led, loadFive } from './board.ts';

export interface J5ButtonSettings extends BoardSettings {
  pins: { button: number; input: number; light?: number }[];
}

/**
 * Buttons (and their lights) wired to a microcontroller: a counter box, or a kiosk whose buttons
 * are not on the Pi's own GPIO. Inputs use the board's pull-ups, so a button connects the pin to ground.
 */
export class J5Buttons implements Buttons {
  private readonly listeners: Listeners<[number]> = new Listeners();
  private readonly buttons: J5Button[] = [];
  private readonly lights = new Map<number, J5Led>();

  constructor(
    private readonly settings: J5ButtonSettings,
    private readonly five: () => Promise<Five> = loadFive,
    private readonly io?: unknown,
  ) {}

  async start(): Promise<void> {
    const { five, board } = await fiveAndBoard(this.settings, this.five, this.io);
    for (const { button, input, light } of this.settings.pins) {
      const b = new five.Button({ pin: input, isPullup: true, board });
      b.on('press', () => {
        this.listeners.emit(button);
      });
      this.buttons.push(b);
      if (light !== undefined) this.lights.set(button, new five.Led({ pin: light, board }));
    }
  }

  async stop(): Promise<void> {
    this.listeners.clear();
    for (const b of this.buttons) b.removeAllListeners();
    this.buttons.length = 0;
    for (const light of this.lights.values()) light.off();
    this.lights.clear();
  }

  onPress(listener: (button: number) => void): Unsubscribe {
    return this.listeners.add(listener);
  }

  setLight(button: number, on: boolean): void {
    const light = this.lights.get(button);
    if (on) light?.on();
    else light?.off();
  }
}
