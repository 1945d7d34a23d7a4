import type { Keypad, KeypadKey } from '../interfaces.ts';
import { Listeners, type Unsubscribe } from '../listeners.ts';
import { KeyPresses } from './key-presses.ts';

export interface HidKeypadSettings {
  vendorId?: number;
  productId?: number;
}

/** The parts of node-hid this driver uses (node-hid 3). */
export interface HidDeviceInfo {
  path?: string;
  vendorId: number;
  productId: number;
  usagePage?: number;
  usage?: number;
  product?: string;
}
export interface HidHandle {
  on(event: 'data', l: (data: Buffer) => void): void;
  on(event: 'error', l: (e: Error) => void): void;
  close(): void;
}
export interface HidApi {
  devices(): HidDeviceInfo[];
  HID: new (path: string) => HidHandle;
}

/** Keyboards are usage page 1 (Generic Desktop), usage 6 (Keyboard); a keypad's other interfaces are not. */
export function keyboardInterfaces(devices: HidDeviceInfo[], wanted: HidKeypadSettings = {}): HidDeviceInfo[] {
  return devices.filter(
    (d) =>
      d.usagePage === 1 &&
      d.usage === 6 &&
      d.path !== undefined &&
      (wanted.vendorId === undefined || d.vendorId === wanted.vendorId) &&
      (wanted.productId === undefined || d.productId === wanted.productId),
  );
}

const retryMs = 2000;

/**
 * A USB numeric keypad read through node-hid (hidraw on Linux), imported only when a kiosk has
 * one. Unplugged or not yet there: it looks again every two seconds.
 */
export class HidKeypad implements Keypad {
  private readonly listeners: Listeners<[KeypadKey]> = new Listeners();
  private handle: HidHandle | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly settings: HidKeypadSettings = {},
    private readonly loadHid: () => Promise<HidApi> = async () => (await import('node-hid')) as unknown as HidApi,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.open();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.listeners.clear();
    clearTimeout(this.timer);
    this.handle?.close();
    this.handle = undefined;
  }

  onKey(listener: (key: KeypadKey) => void): Unsubscribe {
    return this.listeners.add(listener);
  }

  private async open(): Promise<void> {
    if (this.stopped) return;
    const hid = await this.loadHid();
    const device = keyboardInterfaces(hid.devices(), this.settings)[0];
    if (!device) return this.retry();
    const handle = new hid.HID(device.path!);
    const presses = new KeyPresses();
    handle.on('data', (data) => {
      for (const key of presses.feed(data)) this.listeners.emit(key);
    });
    handle.on('error', () => {
      handle.close();
      if (this.handle === handle) this.handle = undefined;
      this.retry();
    });
    this.handle = handle;
  }

  private retry(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.open(), retryMs);
    this.timer.unref();
  }
}
