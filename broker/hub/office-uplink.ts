import mqtt, { type MqttClient } from 'mqtt';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { type HubBooking, type HubReport, hubBookingSchema, hubBookingsTopic, hubConfigSchema, hubConfigTopic, hubReportsTopic, parseHubMessage, reportKey } from '../../shared/contract/hub.ts';
import type { Logger } from '../log.ts';
import type { DocumentStore } from '../store/document-store.ts';

/** An office's line to the hub: where, as whom, and what it does with the bookings the hub sends. */
export interface UplinkDeps {
  url: string;
  officeId: string;
  password: string;
  /** The outbox of reports not yet acknowledged by the hub's broker, and the days reported. */
  store: DocumentStore;
  log: Logger;
  /** A booking from the hub; resolves once durable (the message is acknowledged only then). */
  onBooking?: (message: HubBooking) => Promise<void>;
  /** The office's configuration from the hub; resolves once applied or refused, rejects when it could not be stored. */
  onConfig?: (config: OfficeConfig) => Promise<void>;
  /** The first day whose bookings a new session asks the hub for again. */
  resyncFrom: () => string;
}

/** The uplink's file: reports waiting for the broker, and the finished days already reported (the newest `keptDays`). */
interface UplinkFile {
  pending: Record<string, HubReport>;
  daysReported: string[];
}
const keptDays = 62;

/**
 * An office server's line to the hub, one persistent MQTT session on the hub's broker. What it
 * reports (check-ins, no-shows, finished days) goes first into its own durable outbox, then to the
 * broker with QoS 1, and leaves the outbox only once the broker has acknowledged it. A WAN that is
 * down, or an office restarted meanwhile, only delays it; a report acknowledged but not yet taken
 * off the outbox is sent again, and the hub records it once. The bookings the hub sends are
 * acknowledged only once applied (customHandleAcks), so the broker keeps what a cut line, a
 * restart or a failed write interrupted.
 */
export class OfficeUplink {
  private pending: Record<string, HubReport> = {};
  private daysReported = new Set<string>();
  private readonly sending = new Set<string>();
  private client: MqttClient | undefined;
  private writing: Promise<void> = Promise.resolve();
  private markLoaded!: () => void;
  /** Reports wait until the outbox file is read: one queued before would be lost when it is. */
  private readonly loaded = new Promise<void>((resolve) => {
    this.markLoaded = resolve;
  });
  /** Whether this connection's subscription to the office's topics (bookings, configuration) is in place. */
  private subscribed = false;
  private resyncNeeded = true;

  constructor(private readonly deps: UplinkDeps) {}

  async start(): Promise<void> {
    const text = await this.deps.store.read();
    const file = text ? (JSON.parse(text) as Partial<UplinkFile>) : {};
    this.pending = file.pending ?? {};
    this.daysReported = new Set(file.daysReported);
    this.markLoaded();
    const { url, officeId, password } = this.deps;
    this.client = mqtt.connect(url, {
      clientId: `office-${officeId}`,
      username: officeId,
      password,
      clean: false,
      protocolVersion: 5,
      properties: { sessionExpiryInterval: 7 * 86_400 },
      reconnectPeriod: 1000,
      customHandleAcks: (topic, message, _packet, done) =>
        void this.received(topic, message).then(done, (error: Error) => {
          // Not acknowledged (an error PUBACK would end the message's delivery): the line is dropped,
          // and the session resumed a second later gets it again.
          this.deps.log.error('message from the hub not stored, asked again', { topic, error: error.message });
          done(error);
          this.client?.stream.destroy();
        }),
    });
    this.client.on('connect', (connack) => void this.connected(connack.sessionPresent));
    this.client.on('error', (error) => this.deps.log.warn('hub broker', { error: error.message }));
  }

  /**
   * A new session (the first start, or a week away) missed the bookings sent before it subscribed,
   * and so may a session whose process died between making it and subscribing: a resync goes into
   * the outbox at each new session and at each start. The subscription is made on every connection,
   * and reports go only after it, since the hub's answer to a resync must find it.
   */
  private async connected(sessionPresent: boolean): Promise<void> {
    const client = this.client!;
    this.subscribed = false;
    if (!sessionPresent) this.resyncNeeded = true;
    try {
      if (this.resyncNeeded) await this.report({ kind: 'resync', from: this.deps.resyncFrom() });
      this.resyncNeeded = false;
      await client.subscribeAsync([hubBookingsTopic(this.deps.officeId), hubConfigTopic(this.deps.officeId)], { qos: 1 });
    } catch (error) {
      // The outbox could not be written, or the line dropped again: the next connection tries again.
      this.deps.log.warn('hub session not set up', { error: String(error) });
      client.stream.destroy();
      return;
    }
    this.subscribed = true;
    this.flush();
  }

  /** Resolves once the reports are in the outbox (durable); they go to the hub when the line allows. */
  async report(...reports: HubReport[]): Promise<void> {
    if (reports.length === 0) return;
    await this.loaded;
    for (const report of reports) {
      this.pending[reportKey(report)] = report;
      if (report.kind === 'day') this.daysReported.add(report.day);
    }
    await this.save();
    this.flush();
  }

  /** Whether the finished day's statistics are in the outbox or already sent. */
  dayReported(day: string): boolean {
    return this.daysReported.has(day);
  }

  /** Reports not yet acknowledged by the hub's broker. */
  waiting(): number {
    return Object.keys(this.pending).length;
  }

  async stop(): Promise<void> {
    await this.client?.endAsync();
    await this.writing;
  }

  /** A message on the office's topics: invalid ones are logged and dropped (acknowledged), valid ones applied first. */
  private async received(topic: string, payload: Buffer): Promise<number> {
    if (topic === hubConfigTopic(this.deps.officeId)) {
      const parsed = parseHubMessage(hubConfigSchema, payload);
      if (!parsed.success) {
        this.deps.log.warn('invalid configuration from the hub, dropped', { issue: parsed.error.issues[0]?.message });
        return 0;
      }
      await this.deps.onConfig?.(parsed.data.config);
      return 0;
    }
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
    if (!client?.connected || !this.subscribed) return;
    for (const [key, report] of Object.entries(this.pending)) {
      if (this.sending.has(key)) continue;
      this.sending.add(key);
      client.publish(hubReportsTopic(this.deps.officeId), JSON.stringify(report), { qos: 1 }, (error) => {
        this.sending.delete(key);
        if (error) {
          this.deps.log.warn('report not taken by the hub broker, kept', { report: key, error: error.message });
          return;
        }
        // A newer report of the same key, put in meanwhile, stays to be sent.
        if (this.pending[key] === report) delete this.pending[key];
        else this.flush();
        void this.save();
      });
    }
  }

  private save(): Promise<void> {
    const daysReported = [...this.daysReported].sort().slice(-keptDays);
    this.daysReported = new Set(daysReported);
    const text = JSON.stringify({ pending: this.pending, daysReported } satisfies UplinkFile);
    this.writing = this.writing.then(() => this.deps.store.write(text));
    return this.writing;
  }
}
