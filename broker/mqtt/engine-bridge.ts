import type { Aedes, AedesPublishPacket } from 'aedes';
import { nextWindowChange } from '../../shared/calendar/office-calendar.ts';
import type { Clock } from '../../shared/clock.ts';
import { requestIdSchema } from '../../shared/contract/common.ts';
import { type Message, matchTopic, parsePayload, type TopicName, topic, topicFilter } from '../../shared/contract/topics.ts';
import { deviceConfigs } from '../device-configs.ts';
import type { QueueEngine } from '../engine/queue-engine.ts';
import type { Logger } from '../log.ts';
import { roleOf } from './access.ts';

interface Route<In extends TopicName, Out extends TopicName> {
  reply: Out;
  idField: 'requestId' | 'commandId';
  run: (engine: QueueEngine, deviceId: string, message: Message<In>) => Promise<Message<Out>>;
}

/** What devices send to the engine, and where the answer goes: data, not a switch. */
const routes = {
  kioskRequest: { reply: 'kioskReply', idField: 'requestId', run: (e, id, m) => e.kioskRequest(id, m) } satisfies Route<'kioskRequest', 'kioskReply'>,
  counterCommand: { reply: 'counterReply', idField: 'commandId', run: (e, id, m) => e.counterCommand(id, m) } satisfies Route<'counterCommand', 'counterReply'>,
};
type RoutedTopic = keyof typeof routes;

/** Longest sleep between re-evaluations of time-driven state, so a stepped clock is noticed soon. */
const maxTickMs = 60_000;

/**
 * The thin adapter between Aedes and the engine: validated messages in, replies and retained views
 * out. The engine is the truth; retained topics are republished from it at start, since Aedes keeps
 * retained messages only in memory.
 */
export class EngineBridge {
  private readonly published = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private viewsPending = false;
  private readonly deliver = (packet: AedesPublishPacket, done: () => void) => {
    done();
    void this.handle(packet);
  };
  private readonly onReady = (client: { id: string }) => this.presence(client.id, true);
  private readonly onGone = (client: { id: string }) => {
    // A device that reconnected before its old connection was dropped is still online.
    const current = (this.aedes as unknown as { clients: Record<string, unknown> }).clients[client.id];
    if (!current || current === client) this.presence(client.id, false);
  };

  constructor(
    private readonly aedes: Aedes,
    private readonly engine: QueueEngine,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    const now = this.clock.now();
    await this.publishDeviceConfigs();
    for (const config of deviceConfigs(this.engine.config)) await this.publish(topic('devicePresence', config.deviceId), { online: false, since: now }, true);
    await this.publishViews();
    for (const name of Object.keys(routes) as RoutedTopic[]) {
      await new Promise<void>((resolve) => this.aedes.subscribe(topicFilter(name), this.deliver, resolve));
    }
    this.aedes.on('clientReady', this.onReady);
    this.aedes.on('clientDisconnect', this.onGone);
    this.schedule();
  }

  /** New settings: every device gets its configuration again (retained; a changed one restarts its role), the views follow. */
  async reconfigure(): Promise<void> {
    await this.publishDeviceConfigs();
    await this.publishViews();
    clearTimeout(this.timer);
    this.schedule();
  }

  private async publishDeviceConfigs(): Promise<void> {
    for (const config of deviceConfigs(this.engine.config)) await this.publish(topic('deviceConfig', config.deviceId), config, true);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.aedes.removeListener('clientReady', this.onReady);
    this.aedes.removeListener('clientDisconnect', this.onGone);
    for (const name of Object.keys(routes) as RoutedTopic[]) {
      await new Promise<void>((resolve) => this.aedes.unsubscribe(topicFilter(name), this.deliver, resolve));
    }
  }

  private async handle(packet: AedesPublishPacket): Promise<void> {
    const match = matchTopic(packet.topic);
    if (!match || !(match.name in routes)) return;
    const name = match.name as RoutedTopic;
    const route = routes[name];
    const parsed = parsePayload(name, packet.payload as Buffer);
    if (!parsed.ok) {
      this.log.warn('rejected message', { topic: packet.topic, reason: parsed.reason });
      const id = echoableId(packet.payload as Buffer, route.idField);
      const error = { code: 'invalidMessage', detail: parsed.reason.slice(0, 500) };
      if (id) await this.publish(topic(route.reply, match.id), { [route.idField]: id, ok: false, error }, false);
      return;
    }
    const reply = await (route.run as Route<RoutedTopic, 'kioskReply' | 'counterReply'>['run'])(this.engine, match.id, parsed.value);
    await this.publish(topic(route.reply, match.id), reply, false);
    if (!reply.ok && reply.error.code === 'storageFailed') this.log.error('request failed: storage', { topic: packet.topic, detail: reply.error.detail });
    if (reply.ok) this.viewsSoon();
  }

  /**
   * Requests answered in the same turn (one group commit) share one refresh of the views: twenty
   * presses at once make one status update per kiosk, not twenty.
   */
  private viewsSoon(): void {
    if (this.viewsPending) return;
    this.viewsPending = true;
    setImmediate(() => {
      this.viewsPending = false;
      void this.publishViews();
    });
  }

  /** Publishes each retained view only when it changed (its timestamp aside). */
  private async publishViews(): Promise<void> {
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

  private presence(deviceId: string, online: boolean): void {
    if (!roleOf(this.engine.config, deviceId)) return;
    this.log.info(online ? 'device online' : 'device offline', { deviceId });
    void this.publish(topic('devicePresence', deviceId), { online, since: this.clock.now() }, true);
  }

  /** Re-evaluates at the next opening or closing edge (and at least every minute): buttons light and go dark on time. */
  private schedule(): void {
    const now = this.clock.now();
    // In office time; an accelerated simulation's clock runs `rate` times faster than the timer.
    const delay = Math.min(maxTickMs, Math.max(50, nextWindowChange(this.engine.config, now) - now + 10) / (this.clock.rate ?? 1));
    this.timer = setTimeout(() => {
      void this.tick().finally(() => this.schedule());
    }, delay);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      await this.engine.rollIfNeeded();
    } catch (error) {
      this.log.error('day rollover failed: will retry', { error: String(error) });
    }
    await this.publishViews();
  }

  /**
   * Retained views go out at QoS 0: they are state, the newest wins, and a device that reconnects
   * gets them again as retained messages; acknowledging each of hundreds per second would only cost.
   * Replies go at QoS 1.
   */
  private publish(name: string, payload: unknown, retain: boolean): Promise<void> {
    return new Promise((resolve) =>
      this.aedes.publish({ cmd: 'publish', topic: name, payload: Buffer.from(JSON.stringify(payload)), qos: retain ? 0 : 1, retain, dup: false }, (error) => {
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
