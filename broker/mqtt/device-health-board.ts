import type { Aedes, AedesPublishPacket } from 'aedes';
import type { DeviceHealth, DevicePresence } from '../../shared/contract/device.ts';
import { matchTopic, parsePayload, topicFilter } from '../../shared/contract/topics.ts';

export interface DeviceCondition {
  presence?: DevicePresence;
  health?: DeviceHealth;
}

/**
 * What the staff dashboard knows of each device: its presence (told by presence.ts from the
 * broker's connect and disconnect events) and its own health report (paper, errors), which kiosks
 * and counters publish retained and which is read in-process from the broker, checked by its
 * schema like any delivery.
 */
export class DeviceHealthBoard {
  private readonly conditions = new Map<string, DeviceCondition>();
  private readonly deliver = (packet: AedesPublishPacket, done: () => void) => {
    done();
    const match = matchTopic(packet.topic);
    if (match?.name !== 'deviceHealth') return;
    const parsed = parsePayload('deviceHealth', packet.payload as Buffer);
    if (parsed.ok) this.conditions.set(match.id, { ...this.conditions.get(match.id), health: parsed.data });
  };
  private readonly filter = topicFilter('deviceHealth');

  constructor(private readonly aedes: Aedes) {}

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.aedes.subscribe(this.filter, this.deliver, resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.aedes.unsubscribe(this.filter, this.deliver, resolve));
  }

  presenceChanged(deviceId: string, presence: DevicePresence): void {
    this.conditions.set(deviceId, { ...this.conditions.get(deviceId), presence });
  }

  of(deviceId: string): DeviceCondition {
    return this.conditions.get(deviceId) ?? {};
  }
}
