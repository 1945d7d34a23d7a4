import type { Aedes, AedesPublishPacket } from 'aedes';
import type { DeviceHealth, DevicePresence } from '../../shared/contract/device.ts';
import { matchTopic, parsePayload, topicFilter } from '../../shared/contract/topics.ts';

export interface DeviceCondition {
  presence?: DevicePresence;
  health?: DeviceHealth;
}

/**
 * What the staff dashboard knows of each device: its presence (published by the server from the
 * broker's connect and disconnect events) and its own health report (paper, errors), both retained.
 * Read in-process from the broker, checked by their schemas like any delivery.
 */
export class DeviceHealthBoard {
  private readonly conditions = new Map<string, DeviceCondition>();
  private readonly deliver = (packet: AedesPublishPacket, done: () => void) => {
    done();
    const match = matchTopic(packet.topic);
    if (match?.name === 'deviceHealth') {
      const parsed = parsePayload('deviceHealth', packet.payload as Buffer);
      if (parsed.ok) this.conditions.set(match.id, { ...this.conditions.get(match.id), health: parsed.value });
    } else if (match?.name === 'devicePresence') {
      const parsed = parsePayload('devicePresence', packet.payload as Buffer);
      if (parsed.ok) this.conditions.set(match.id, { ...this.conditions.get(match.id), presence: parsed.value });
    }
  };
  private readonly filters = [topicFilter('deviceHealth'), topicFilter('devicePresence')];

  constructor(private readonly aedes: Aedes) {}

  async start(): Promise<void> {
    for (const filter of this.filters) await new Promise<void>((resolve) => this.aedes.subscribe(filter, this.deliver, resolve));
  }

  async stop(): Promise<void> {
    for (const filter of this.filters) await new Promise<void>((resolve) => this.aedes.unsubscribe(filter, this.deliver, resolve));
  }

  of(deviceId: string): DeviceCondition {
    return this.conditions.get(deviceId) ?? {};
  }
}
