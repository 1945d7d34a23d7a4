import mqtt, { type MqttClient } from 'mqtt';
import { type HubCheckIn, hubCheckInTopic } from '../../shared/contract/hub.ts';
import type { Logger } from '../log.ts';
import type { DocumentStore } from '../store/document-store.ts';

/**
 * An office server's line to the hub: what it reports (check-ins) goes first into its own durable
 * outbox, then to the hub's broker with QoS 1, and leaves the outbox only once the broker has
 * acknowledged it. A WAN that is down, or an office restarted meanwhile, only delays it; a report
 * acknowledged but not yet taken off the outbox is sent again, and the hub records it once.
 */
export class OfficeUplink {
  private pending: Record<string, HubCheckIn> = {};
  private readonly sending = new Set<string>();
  private client: MqttClient | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: { url: string; officeId: string; password: string; store: DocumentStore; log: Logger }) {}

  async start(): Promise<void> {
    const text = await this.deps.store.read();
    this.pending = text ? (JSON.parse(text) as { pending: Record<string, HubCheckIn> }).pending : {};
    const { url, officeId, password } = this.deps;
    this.client = mqtt.connect(url, {
      clientId: `office-${officeId}`,
      username: officeId,
      password,
      clean: false,
      protocolVersion: 5,
      properties: { sessionExpiryInterval: 7 * 86_400 },
      reconnectPeriod: 1000,
    });
    this.client.on('connect', () => this.flush());
    this.client.on('error', (error) => this.deps.log.warn('hub broker', { error: error.message }));
  }

  /** Resolves once the report is in the outbox (durable); it goes to the hub when the line allows. */
  async report(checkIn: HubCheckIn): Promise<void> {
    this.pending[checkIn.bookingId] = checkIn;
    await this.save();
    this.flush();
  }

  /** Reports not yet acknowledged by the hub's broker. */
  waiting(): number {
    return Object.keys(this.pending).length;
  }

  async stop(): Promise<void> {
    await this.client?.endAsync();
    await this.writing;
  }

  private flush(): void {
    const client = this.client;
    if (!client?.connected) return;
    for (const [id, checkIn] of Object.entries(this.pending)) {
      if (this.sending.has(id)) continue;
      this.sending.add(id);
      client.publish(hubCheckInTopic(this.deps.officeId), JSON.stringify(checkIn), { qos: 1 }, (error) => {
        this.sending.delete(id);
        if (error) {
          this.deps.log.warn('check-in not taken by the hub broker, kept', { bookingId: id, error: error.message });
          return;
        }
        delete this.pending[id];
        void this.save();
      });
    }
  }

  private save(): Promise<void> {
    const text = JSON.stringify({ pending: this.pending });
    this.writing = this.writing.then(() => this.deps.store.write(text));
    return this.writing;
  }
}
