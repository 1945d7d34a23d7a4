import type { Buttons } from '../interfaces.ts';
import { Listeners, type Unsubscribe } from '../listeners.ts';
import { headerChip } from './gpio-chip.ts';

export interface GpioButtonSettings {
  /** The chip's label when it is not the header's own (rare); found at run time either way. */
  chipLabel?: string;
  /** Mechanical buttons bounce for a few milliseconds: onoff's trailing debounce. */
  debounceMs: number;
  /** BCM numbers: each button's input (wired to ground, pulled up) and its light's output. */
  pins: { button: number; input: number; light?: number }[];
}

/** The parts of onoff's Gpio this driver uses (onoff 6). */
export interface OnoffGpio {
  watch(callback: (error: Error | null | undefined, value: number) => void): void;
  writeSync(value: 0 | 1): void;
  unexport(): void;
}
export type OnoffGpioClass = new (gpio: number, direction: 'in' | 'out', edge?: 'none' | 'rising' | 'falling' | 'both', options?: { debounceTimeout?: number; activeLow?: boolean }) => OnoffGpio;

/**
 * Service buttons and their lights on the Pi's GPIO, through onoff (sysfs, edge interrupts).
 * onoff is imported only here, lazily: importing it throws where its native epoll is not built.
 */
export class OnoffButtons implements Buttons {
  private readonly listeners: Listeners<[number]> = new Listeners();
  private readonly inputs: OnoffGpio[] = [];
  private readonly lights = new Map<number, OnoffGpio>();

  constructor(
    private readonly settings: GpioButtonSettings,
    private readonly loadGpio: () => Promise<OnoffGpioClass> = async () => (await import('onoff')).Gpio as unknown as OnoffGpioClass,
    private readonly sysfs = '/sys/class/gpio',
  ) {}

  async start(): Promise<void> {
    const Gpio = await this.loadGpio();
    const { base } = await headerChip(this.sysfs, this.settings.chipLabel);
    for (const { button, input, light } of this.settings.pins) {
      // activeLow: the button pulls the line to ground, so "pressed" reads as 1.
      const gpio = new Gpio(base + input, 'in', 'rising', { debounceTimeout: this.settings.debounceMs, activeLow: true });
      gpio.watch((error, value) => {
        if (!error && value === 1) this.listeners.emit(button);
      });
      this.inputs.push(gpio);
      if (light !== undefined) this.lights.set(button, new Gpio(base + light, 'out'));
    }
  }

  async stop(): Promise<void> {
    this.listeners.clear();
    for (const gpio of [...this.inputs, ...this.lights.values()]) gpio.unexport();
    this.inputs.length = 0;
    this.lights.clear();
  }

  onPress(listener: (button: number) => void): Unsubscribe {
    return this.listeners.add(listener);
  }

  setLight(button: number, on: boolean): void {
    this.lights.get(button)?.writeSync(on ? 1 : 0);
  }
}
