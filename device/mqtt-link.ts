import { randomBytes } from 'node:crypto';
import { connect, type MqttClient } from 'mqtt';
import { contract, type Message, matchTopic, parsePayload, type TopicName, topic } from '../shared/contract/topics.ts';
import { Listeners, type Unsubscribe } from './drivers/listeners.ts';
import { brokerTls, type LocalSettings } from './local-settings.ts';

export type Handler<N extends TopicName> = (message: Message<N>, id: string) => void;
type Status = 'online' | 'offline';

/** A fresh id for one press; every retry of that press reuses it. */
export const newRequestId = (): string => randomBytes(12).toString('base64url');

/**
 * The device's typed side of the topic contract over MQTT.js: messages are validated against the
 * shared schema when sent and when received. Reconnects by itself; publishes only while connected,
 * so nothing pressed while the broker is away is delivered later.
 */
export class MqttLink {
  private client: MqttClient | undefined;
  private readonly handlers = new Map<string, { name: TopicName; handler: Handler<TopicName> }>();
  private readonly statusListeners: Listeners<[Status]> = new Listeners();
  private warned = new Set<string>();

  constructor(
    private readonly settings: LocalSettings,
    private readonly warn: (message: string) => void = (m) => process.stderr.write(`${m}\n`),
  ) {}

  get deviceId(): string {
    return this.settings.deviceId;
  }

  get online(): boolean {
    return this.client?.connected ?? false;
  }

  /** Starts connecting and returns: a device must come up (and say "out of service") with the broker away. */
  async start(): Promise<void> {
    const client = connect(this.settings.broker, {
      ...brokerTls(this.settings),
      clientId: this.settings.deviceId,
      username: this.settings.deviceId,
      password: this.settings.secret,
      protocolVersion: 4,
      clean: true,
      reconnectPeriod: 1000,
      connectTimeout: 5000,
      reconnectOnConnackError: true,
      queueQoSZero: false,
      // The link subscribes everything itself on every connect; MQTT.js resubscribing too would
      // make the broker send each retained message twice, the second copy possibly older than a live one.
      resubscribe: false,
    });
    this.client = client;
    client.on('connect', () => {
      // MQTT.js has no option for it: without it Nagle's algorithm delays each small publish ~40 ms.
      (client.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
      for (const filter of this.handlers.keys()) client.subscribe(filter, { qos: 1 });
      this.emit('online');
    });
    client.on('close', () => this.emit('offline'));
    client.on('error', (error) => this.warnOnce(`mqtt: ${error.message}`));
    client.on('message', (name, payload) => this.dispatch(name, payload));
  }

  async stop(): Promise<void> {
    this.statusListeners.clear();
    await this.client?.endAsync(true);
  }

  onStatus(listener: (status: Status) => void): Unsubscribe {
    return this.statusListeners.add(listener);
  }

  /**
   * `id` is a device id, or '+' for every id where the role may read them all. One handler per
   * filter: a later one takes its place (and the broker sends its retained messages again). The
   * returned call removes this handler, if it still holds the filter. The broker's subscription
   * stays for the connection's life: a new role subscribes the same filters at once, and an
   * UNSUBSCRIBE racing that SUBSCRIBE could remove the new one; what no handler wants is ignored.
   */
  subscribe<N extends TopicName>(name: N, id: string, handler: Handler<N>): Unsubscribe {
    const filter = topic(name, id);
    const entry = { name, handler: handler as Handler<TopicName> };
    this.handlers.set(filter, entry);
    if (this.client?.connected) this.client.subscribe(filter, { qos: 1 });
    return () => {
      if (this.handlers.get(filter) === entry) this.handlers.delete(filter);
    };
  }

  /** Sends now or not at all: false when offline. */
  publish<N extends TopicName>(name: N, message: Message<N>): boolean {
    if (!this.client?.connected) return false;
    const checked = contract[name].schema.parse(message);
    this.client.publish(topic(name, this.settings.deviceId), JSON.stringify(checked), { qos: 1, retain: contract[name].retained });
    return true;
  }

  private dispatch(name: string, payload: Buffer): void {
    const match = matchTopic(name);
    const entry = match && (this.handlers.get(topic(match.name, match.id)) ?? this.handlers.get(topic(match.name, '+')));
    if (!match || !entry) return;
    const parsed = parsePayload(match.name, payload);
    if (parsed.ok) entry.handler(parsed.data, match.id);
    else this.warnOnce(`ignored ${name}: ${parsed.error.detail}`);
  }

  private emit(status: Status): void {
    if (status === 'online') this.warned.clear();
    this.statusListeners.emit(status);
  }

  /** A broker that stays away is reported once, not once per reconnect attempt. */
  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.warn(`${this.settings.deviceId}: ${message}`);
  }
}
