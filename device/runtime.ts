import type { Clock } from '../shared/clock.ts';
import type { DeviceConfig, DeviceRole } from '../shared/contract/device.ts';
import type { DriverFactory, DriversByRole } from './drivers/factory.ts';
import type { LocalSettings } from './local-settings.ts';
import { MqttLink } from './mqtt-link.ts';
import type { Role, RoleContext } from './roles/role.ts';

type RoleMaker = (ctx: RoleContext, config: DeviceConfig, drivers: DriversByRole[DeviceRole]) => Promise<Role>;
/** Each role's code is loaded only on the device that has that role (a Pi's memory is small: docs/PERFORMANCE.md). */
const makers: Record<DeviceRole, RoleMaker> = {
  kiosk: async (ctx, config, drivers) => new (await import('./roles/kiosk-role.ts')).KioskRole(ctx, config as Extract<DeviceConfig, { role: 'kiosk' }>, drivers as DriversByRole['kiosk']),
  counter: async (ctx, config, drivers) => new (await import('./roles/counter-role.ts')).CounterRole(ctx, config as Extract<DeviceConfig, { role: 'counter' }>, drivers as DriversByRole['counter']),
  display: async (ctx, config, drivers) => new (await import('./roles/display-role.ts')).DisplayRole(ctx, config as Extract<DeviceConfig, { role: 'display' }>, drivers as DriversByRole['display']),
};

/**
 * One device process: connects with its id and secret, waits for its retained configuration, and
 * becomes the role the server says. The runtime owns the hardware: each role's drivers are started
 * once, when first needed, and stopped at the runtime's own stop. A changed configuration detaches
 * the role and attaches the new one to the same running drivers (no GPIO, serial port or printer
 * is closed and reopened for a new setting).
 */
export class DeviceRuntime {
  /** The device's MQTT connection; the simulation's remote control rides on it (device/drivers/sim/sim-remote.ts). */
  readonly link: MqttLink;
  private role: Role | undefined;
  private configText = '';
  private readonly drivers = new Map<DeviceRole, Promise<DriversByRole[DeviceRole]>>();
  private configuring: Promise<void> = Promise.resolve();
  private configuredListeners: ((config: DeviceConfig) => void)[] = [];
  config: DeviceConfig | undefined;

  constructor(
    settings: LocalSettings,
    private readonly factory: DriverFactory,
    private readonly clock: Clock,
    warn?: (message: string) => void,
  ) {
    this.link = new MqttLink(settings, warn);
  }

  get deviceId(): string {
    return this.link.deviceId;
  }

  get online(): boolean {
    return this.link.online;
  }

  async start(): Promise<void> {
    this.link.onStatus((status) => this.role?.setOnline(status === 'online'));
    this.link.subscribe('deviceConfig', this.link.deviceId, (config) => {
      this.configuring = this.configuring.then(() => this.configure(config));
    });
    await this.link.start();
  }

  async stop(): Promise<void> {
    await this.configuring;
    this.role?.detach();
    for (const drivers of this.drivers.values()) await Promise.all(Object.values(await drivers).map((part) => part.stop()));
    await this.link.stop();
  }

  /** The hardware of a role, made and started once, the same objects across reconfigurations (the simulation drives them). */
  driversOf<R extends DeviceRole>(role: R): Promise<DriversByRole[R]> {
    let drivers = this.drivers.get(role);
    if (!drivers) {
      drivers = this.factory.create(role).then(async (parts) => {
        await Promise.all(Object.values(parts).map((part) => part.start()));
        return parts;
      });
      this.drivers.set(role, drivers);
    }
    return drivers as Promise<DriversByRole[R]>;
  }

  onConfigured(listener: (config: DeviceConfig) => void): void {
    this.configuredListeners.push(listener);
  }

  private async configure(config: DeviceConfig): Promise<void> {
    const text = JSON.stringify(config);
    if (text === this.configText) return;
    this.configText = text;
    this.role?.detach();
    this.config = config;
    this.role = await makers[config.role]({ link: this.link, clock: this.clock }, config, await this.driversOf(config.role));
    this.role.attach();
    this.role.setOnline(this.link.online);
    for (const l of this.configuredListeners) l(config);
  }
}
