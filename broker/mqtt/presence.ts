import type { Aedes, Client } from 'aedes';
import type { Clock } from '../../shared/clock.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { DevicePresence } from '../../shared/contract/device.ts';
import { deviceConfigs } from '../device-configs.ts';
import type { Logger } from '../log.ts';
import { roleOf } from './access.ts';

/**
 * Which devices are connected, from the broker's own connect and disconnect events (more reliable
 * than a last will, and it covers displays, which may publish nothing), told straight to whoever
 * shows it (the staff dashboard's health board). A device that reconnected before its old
 * connection was dropped is still online: each device's live connection is kept here.
 */
export class Presence {
  private readonly live = new Map<string, Client>();
  private readonly onReady = (client: Client) => {
    if (!this.isDevice(client.id)) return;
    this.live.set(client.id, client);
    this.tell(client.id, true);
  };
  private readonly onGone = (client: Client) => {
    if (!this.isDevice(client.id) || this.live.get(client.id) !== client) return;
    this.live.delete(client.id);
    this.tell(client.id, false);
  };

  constructor(
    private readonly aedes: Aedes,
    private readonly config: () => OfficeConfig,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly changed: (deviceId: string, presence: DevicePresence) => void,
  ) {}

  /** Every configured device offline until it connects. */
  start(): void {
    const since = this.clock.now();
    for (const device of deviceConfigs(this.config())) this.changed(device.deviceId, { online: false, since });
    this.aedes.on('clientReady', this.onReady);
    this.aedes.on('clientDisconnect', this.onGone);
  }

  stop(): void {
    this.aedes.removeListener('clientReady', this.onReady);
    this.aedes.removeListener('clientDisconnect', this.onGone);
  }

  /** A diagnostic tool beside a device logs in as `id~anything`: only the device's own id counts. */
  private isDevice(clientId: string): boolean {
    return roleOf(this.config(), clientId) !== undefined;
  }

  private tell(deviceId: string, online: boolean): void {
    this.log.info(online ? 'device online' : 'device offline', { deviceId });
    this.changed(deviceId, { online, since: this.clock.now() });
  }
}
