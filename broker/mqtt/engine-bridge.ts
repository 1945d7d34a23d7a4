import type { Aedes, AedesPublishPacket } from 'aedes';
import type { Clock } from '../../shared/clock.ts';
import { requestIdSchema } from '../../shared/contract/common.ts';
import { type Message, matchTopic, parsePayload, type TopicName, topic, topicFilter } from '../../shared/contract/topics.ts';
import { deviceConfigs } from '../device-configs.ts';
import type { BookedRef } from '../engine/journal-entry.ts';
import type { QueueEngine } from '../engine/queue-engine.ts';
import type { Logger } from '../log.ts';

/** The bookings as the kiosks' codes need them (check-in-lookup.ts). */
export interface CodeBookings {
  find(code: string): BookedRef | null;
  /** The bookings file follows the engine's record of check-ins. */
  follow(checkIns: Readonly<Record<string, string>>): Promise<void>;
}

export interface Parts {
  engine: QueueEngine;
  bookings: CodeBookings;
  /** Who sits at a counter (the staff's sessions): a box's command records the clerk like the page's. */
  clerkAt: (counterId: string) => string | undefined;
}

interface Route<In extends TopicName, Out extends TopicName> {
  reply: Out;
  idField: 'requestId' | 'commandId';
  run: (parts: Parts, deviceId: string, message: Message<In>) => Promise<Message<Out>>;
}

/**
 * A kiosk's request. A typed code's booking is looked up first and handed to the engine, which
 * journals it; after a check-in the bookings file follows the engine's record before the kiosk hears.
 */
export async function kioskRequest({ engine, bookings }: Parts, kioskId: string, request: Message<'kioskRequest'>): Promise<Message<'kioskReply'>> {
  const reply = await engine.kioskRequest(kioskId, request, request.kind === 'walkIn' ? null : bookings.find(request.code));
  if (reply.ok && reply.data.ticket.booking) await bookings.follow(engine.dayState().checkedIn);
  return reply;
}

/** What devices send to the engine, and where the answer goes: data, not a switch. */
const routes = {
  kioskRequest: { reply: 'kioskReply', idField: 'requestId', run: kioskRequest } satisfies Route<'kioskRequest', 'kioskReply'>,
  counterCommand: { reply: 'counterReply', idField: 'commandId', run: ({ engine, clerkAt }, id, m) => engine.counterCommand(id, m, clerkAt(id)) } satisfies Route<'counterCommand', 'counterReply'>,
};
type RoutedTopic = keyof typeof routes;

/**
 * The thin adapter between Aedes and the engine: validated messages in, replies and retained views
 * out. The engine is the truth; retained topics are republished from it at start, since Aedes keeps
 * retained messages only in memory.
 */
export class EngineBridge {
  private readonly published = new Map<string, string>();
  private viewsPending = false;
  /** One delivery handler per routed topic: the subscription already says which topic it is. */
  private readonly handlers = Object.fromEntries(
    (Object.keys(routes) as RoutedTopic[]).map((name) => [
      name,
      (packet: AedesPublishPacket, done: () => void) => {
        done();
        void this.handle(name, packet);
      },
    ]),
  ) as Record<RoutedTopic, (packet: AedesPublishPacket, done: () => void) => void>;
  private readonly parts: Parts;
  private stopListening: () => void = () => {};

  constructor(
    private readonly aedes: Aedes,
    private readonly engine: QueueEngine,
    bookings: CodeBookings,
    clerkAt: Parts['clerkAt'],
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    this.parts = { engine, bookings, clerkAt };
  }

  async start(): Promise<void> {
    await this.publishDeviceConfigs();
    await this.publishViews();
    this.stopListening = this.engine.onChange(() => this.viewsSoon());
    for (const name of Object.keys(routes) as RoutedTopic[]) {
      await new Promise<void>((resolve) => this.aedes.subscribe(topicFilter(name), this.handlers[name], resolve));
    }
  }

  /**
   * New settings: every device gets its configuration again (retained; a changed one restarts its
   * role), a removed device's retained configuration is cleared, the views follow.
   */
  async reconfigure(removedDeviceIds: readonly string[] = []): Promise<void> {
    for (const id of removedDeviceIds) await this.clearRetained(topic('deviceConfig', id));
    await this.publishDeviceConfigs();
    await this.publishViews();
  }

  private async publishDeviceConfigs(): Promise<void> {
    for (const config of deviceConfigs(this.engine.config)) await this.publish(topic('deviceConfig', config.deviceId), config, true);
  }

  async stop(): Promise<void> {
    this.stopListening();
    for (const name of Object.keys(routes) as RoutedTopic[]) {
      await new Promise<void>((resolve) => this.aedes.unsubscribe(topicFilter(name), this.handlers[name], resolve));
    }
  }

  private async handle(name: RoutedTopic, packet: AedesPublishPacket): Promise<void> {
    // The broker let it through its ACL (mqtt-broker.ts), so it is this contract topic with a valid id.
    const deviceId = matchTopic(packet.topic)!.id;
    const route = routes[name];
    const parsed = parsePayload(name, packet.payload as Buffer);
    if (!parsed.ok) {
      this.log.warn('rejected message', { topic: packet.topic, reason: parsed.error.detail });
      const id = echoableId(packet.payload as Buffer, route.idField);
      const error = { code: 'invalidMessage', detail: parsed.error.detail.slice(0, 500) };
      if (id) await this.publish(topic(route.reply, deviceId), { [route.idField]: id, ok: false, error }, false);
      return;
    }
    const reply = await (route.run as Route<RoutedTopic, 'kioskReply' | 'counterReply'>['run'])(this.parts, deviceId, parsed.data);
    await this.publish(topic(route.reply, deviceId), reply, false);
    if (!reply.ok && reply.error.code === 'storageFailed') this.log.error('request failed: storage', { topic: packet.topic, detail: reply.error.detail });
  }

  /**
   * Every change of the engine, from a device or a clerk's page, refreshes the views; changes in the
   * same turn (one group commit) share one refresh: twenty presses at once make one status update
   * per kiosk, not twenty.
   */
  private viewsSoon(): void {
    if (this.viewsPending) return;
    this.viewsPending = true;
    setImmediate(() => {
      this.viewsPending = false;
      void this.publishViews();
    });
  }

  /** Publishes each retained view only when it changed (its timestamp aside); the day timer calls it at each edge. */
  async publishViews(): Promise<void> {
    const now = this.clock.now();
    const views: [string, { updatedAt: number }][] = [
      ...this.engine.serviceStatuses(now).map((s) => [topic('serviceStatus', s.serviceId), s] as [string, typeof s]),
      ...this.engine.counterStates(now).map((c) => [topic('counterState', c.counterId), c] as [string, typeof c]),
      [topic('hallCalls'), this.engine.hallCalls(now)],
    ];
    for (const [name, view] of views) {
      const key = JSON.stringify({ ...view, updatedAt: 0 });
      if (this.published.get(name) === key) continue;
      this.published.set(name, key);
      await this.publish(name, view, true);
    }
  }

  /**
   * Retained views go out at QoS 0: they are state, the newest wins, and a device that reconnects
   * gets them again as retained messages; acknowledging each of hundreds per second would only cost.
   * Replies go at QoS 1.
   */
  private publish(name: string, payload: unknown, retain: boolean): Promise<void> {
    return this.send(name, Buffer.from(JSON.stringify(payload)), retain);
  }

  /** MQTT 3.1.1, 3.3.1.3: a retained message with an empty payload removes the retained one. */
  private clearRetained(name: string): Promise<void> {
    return this.send(name, Buffer.alloc(0), true);
  }

  private send(name: string, payload: Buffer, retain: boolean): Promise<void> {
    return new Promise((resolve) =>
      this.aedes.publish({ cmd: 'publish', topic: name, payload, qos: retain ? 0 : 1, retain, dup: false }, (error) => {
        if (error) this.log.error('publish failed', { topic: name, error: String(error) });
        resolve();
      }),
    );
  }
}

/** The request id of a message that failed validation, if it has a well-formed one to answer to. */
function echoableId(payload: Buffer, field: string): string | undefined {
  try {
    const value = (JSON.parse(payload.toString('utf8')) as Record<string, unknown>)[field];
    return requestIdSchema.safeParse(value).success ? (value as string) : undefined;
  } catch {
    return undefined;
  }
}
