import type { Clock } from '../../../shared/clock.ts';
import type { SimInput, SimOutput } from '../../../shared/contract/simulation.ts';
import type { MqttLink } from '../../mqtt-link.ts';
import type { SimButtons } from './sim-buttons.ts';
import type { SimDigits } from './sim-digits.ts';
import type { SimKeypad } from './sim-keypad.ts';
import type { SimPrinter } from './sim-printer.ts';
import type { SimTextDisplay } from './sim-text-display.ts';

/** The simulated parts of one device, whichever its role has. */
export interface SimParts {
  buttons?: SimButtons;
  keypad?: SimKeypad;
  printer?: SimPrinter;
  lcd?: SimTextDisplay;
  digits?: SimDigits;
  panel?: SimTextDisplay;
}

/** Changes within this long go out as one message: a kiosk press changes the LCD, lights and printer at once. */
const settleMs = 20;

/**
 * The virtual office's hands and eyes on one simulated device, over the device's own MQTT link:
 * presses, keys and paper from `sim/{id}/input` reach the drivers exactly where real hardware
 * would; what the drivers show goes out, retained, on `sim/{id}/output`.
 */
export class SimRemote {
  private printed = 0;
  private lastTicket: Uint8Array | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly link: MqttLink,
    private readonly parts: SimParts,
    private readonly clock: Clock,
  ) {}

  start(): void {
    // A hall panel has nothing to press; the contract does not let it read input either.
    if (this.parts.buttons) this.link.subscribe('simInput', this.link.deviceId, (input) => this.apply(input));
    // The broker keeps retained messages in memory only: after its restart, say it all again.
    this.link.onStatus((status) => status === 'online' && this.soon());
  }

  /** Once: the drivers run for the device's whole life, whatever its configuration. */
  attach(): void {
    const { buttons, lcd, digits, printer, panel } = this.parts;
    buttons?.onLightChange(() => this.soon());
    lcd?.onShow(() => this.soon());
    panel?.onShow(() => this.soon());
    digits?.onShow(() => this.soon());
    printer?.onPrint((bytes) => {
      this.printed += 1;
      this.lastTicket = bytes;
      this.soon();
    });
    this.soon();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private apply(input: SimInput): void {
    const { buttons, keypad, printer } = this.parts;
    if (input.kind === 'press') buttons?.press(input.button);
    else if (input.kind === 'keys') keypad?.type(input.keys);
    else if (printer) {
      printer.paper = input.paper;
      this.soon();
    }
  }

  private soon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.link.publish('simOutput', this.snapshot());
    }, settleMs);
  }

  private snapshot(): SimOutput {
    const { buttons, lcd, digits, printer, panel } = this.parts;
    return {
      ...(buttons ? { lights: [...buttons.lights].map(([button, on]) => ({ button, on })) } : {}),
      ...(lcd || panel ? { lcd: (lcd ?? panel)!.lines } : {}),
      ...(digits ? { digits: digits.text } : {}),
      ...(printer ? { paper: printer.paper, printed: this.printed } : {}),
      ...(this.lastTicket ? { lastTicket: Buffer.from(this.lastTicket).toString('base64') } : {}),
      at: this.clock.now(),
    };
  }
}
