import { simDriverFactory } from '../../device/drivers/factory.ts';
import type { SimButtons } from '../../device/drivers/sim/sim-buttons.ts';
import type { SimDigits } from '../../device/drivers/sim/sim-digits.ts';
import type { SimKeypad } from '../../device/drivers/sim/sim-keypad.ts';
import type { SimPrinter } from '../../device/drivers/sim/sim-printer.ts';
import { type SimParts, SimRemote } from '../../device/drivers/sim/sim-remote.ts';
import type { SimTextDisplay } from '../../device/drivers/sim/sim-text-display.ts';
import type { LocalSettings } from '../../device/local-settings.ts';
import { DeviceRuntime } from '../../device/runtime.ts';
import type { Clock } from '../../shared/clock.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';

export interface SimKiosk {
  runtime: DeviceRuntime;
  buttons: SimButtons;
  keypad: SimKeypad;
  printer: SimPrinter;
  lcd: SimTextDisplay;
}
export interface SimCounter {
  runtime: DeviceRuntime;
  buttons: SimButtons;
  digits: SimDigits;
}
export interface SimDisplay {
  runtime: DeviceRuntime;
  panel: SimTextDisplay;
}

/**
 * Every device of an office as simulated hardware, each its own DeviceRuntime with its own MQTT
 * connection and credentials, exactly as on separate Pis; one process only to save memory.
 */
export class SimOffice {
  readonly kiosks = new Map<string, SimKiosk>();
  readonly counters = new Map<string, SimCounter>();
  readonly displays = new Map<string, SimDisplay>();
  private readonly remotes: SimRemote[] = [];

  constructor(
    private readonly config: OfficeConfig,
    private readonly devices: LocalSettings[],
    private readonly clock: Clock,
    private readonly warn: (message: string) => void = () => {},
    /** Lets the virtual office drive the devices over the broker; the server must be simulating. */
    private readonly remote = false,
  ) {}

  /** Starts every device and waits until each has its configuration from the server. */
  async start(timeoutMs = 15_000): Promise<void> {
    const runtimes = this.devices.map((settings) => new DeviceRuntime(settings, simDriverFactory, this.clock, this.warn));
    const configured = runtimes.map((r) => new Promise<void>((resolve) => r.onConfigured(() => resolve())));
    for (const runtime of runtimes) {
      const id = runtime.deviceId;
      if (this.config.kiosks.some((k) => k.id === id)) this.kiosks.set(id, { runtime, ...((await runtime.driversOf('kiosk')) as unknown as Omit<SimKiosk, 'runtime'>) });
      else if (this.config.counters.some((c) => c.id === id)) this.counters.set(id, { runtime, ...((await runtime.driversOf('counter')) as unknown as Omit<SimCounter, 'runtime'>) });
      else this.displays.set(id, { runtime, ...((await runtime.driversOf('display')) as unknown as Omit<SimDisplay, 'runtime'>) });
      if (this.remote) this.controlRemotely(runtime);
      await runtime.start();
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(configured), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('devices got no configuration from the server in time')), timeoutMs)))]).finally(
      () => clearTimeout(timer),
    );
    // Configured means subscribed; the retained statuses follow within a broker round trip.
    const deadline = Date.now() + timeoutMs;
    while (!runtimes.every((r) => r.online) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
  }

  private controlRemotely(runtime: DeviceRuntime): void {
    const id = runtime.deviceId;
    const parts: SimParts = this.kiosks.get(id) ?? this.counters.get(id) ?? this.displays.get(id)!;
    const remote = new SimRemote(runtime.link, parts, this.clock);
    this.remotes.push(remote);
    remote.start();
    remote.attach();
  }

  async stop(): Promise<void> {
    for (const remote of this.remotes) remote.stop();
    await Promise.all([...this.kiosks.values(), ...this.counters.values(), ...this.displays.values()].map((d) => d.runtime.stop()));
  }

  kiosk(id: string): SimKiosk {
    return found(this.kiosks, id);
  }

  counter(id: string): SimCounter {
    return found(this.counters, id);
  }
}

function found<T>(map: Map<string, T>, id: string): T {
  const item = map.get(id);
  if (!item) throw new Error(`no simulated device ${id}`);
  return item;
}
