import mqtt, { type MqttClient } from 'mqtt';
import { type HubBooking, type HubCheckIn, hubBookingSchema, hubBookingsTopic, hubCheckInTopic, parseHubMessage } from '../../shared/contract/hub.ts';
import type { Logger } from '../log.ts';
import type { DocumentStore } from '../store/document-store.ts';

/** An office's line to the hub: where, as whom, and what it does with the bookings the hub sends. */
export interface UplinkDeps {
  url: string;
  officeId: string;
  password: string;
  /** The outbox of reports not yet acknowledged by the hub's broker. */
  store: DocumentStore;
  log: Logger;
  /** A booking from the hub; resolves once durable (the message is acknowledged only then). */
  onBooking?: (message: HubBooking) => Promise<void>;
}

/**
 * An office server's line to the hub, one persistent MQTT session on the hub's broker. What it
 * reports (check-ins) goes first into its own durable outbox, then to the broker with QoS 1, and
 * leaves the outbox only once the broker has acknowledged it. A WAN that is down, or an office
 * restarted meanwhile, only delays it; a report acknowledged but not yet taken off the outbox is
 * sent again, and the hub records it once. The bookings the hub sends are acknowledged only once
 * applied (customHandleAcks), so the broker keeps what a cut line or a restart interrupted.
 */
export class OfficeUplink {
  private pending: Record<string, HubCheckIn> = {};
  private readonly sending = new Set<string>();
  private client: MqttClient | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: UplinkDeps) {}

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
      customHandleAcks: (_topic, message, _packet, done) => void this.received(message).then(done, () => done(0x80)),
    });
    this.client.on('connect', (connack) => {
      // A session the broker kept has the subscription; a new one (first start, expired) needs it.
      if (!connack.sessionPresent) this.client?.subscribe(hubBookingsTopic(officeId), { qos: 1 });
      this.flush();
    });
    this.client.on('error', (error) => this.deps.log.warn('hub broker', { error: error.message }));
  }

  /** Resolves once the reports are in the outbox (durable); they go to the hub when the line allows. */
  async report(...checkIns: HubCheckIn[]): Promise<void> {
    if (checkIns.length === 0) return;
    for (const checkIn of checkIns) this.pending[checkIn.bookingId] = checkIn;
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

  /** A message on the office's bookings topic: invalid ones are logged and dropped (acknowledged), valid ones applied first. */
  private async received(payload: Buffer): Promise<number> {
    const parsed = parseHubMessage(hubBookingSchema, payload);
    if (!parsed.success) {
      this.deps.log.warn('invalid booking from the hub, dropped', { issue: parsed.error.issues[0]?.message });
      return 0;
    }
    await this.deps.onBooking?.(parsed.data);
    return 0;
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
