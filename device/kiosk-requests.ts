import type { Clock } from '../shared/clock.ts';
import type { Message } from '../shared/contract/topics.ts';
import type { Unsubscribe } from './drivers/listeners.ts';
import { type MqttLink, newRequestId } from './mqtt-link.ts';

type Reply = Message<'kioskReply'>;

/**
 * Kiosk requests and their replies, matched by request id. A request unanswered within the timeout
 * is sent again with the same id (the engine answers a repeated id with the same ticket, never a
 * second one); after the last attempt the press fails and nothing is printed.
 */
export class KioskRequests {
  private readonly waiting = new Map<string, (reply: Reply) => void>();

  constructor(
    private readonly link: MqttLink,
    private readonly clock: Clock,
    private readonly timeoutMs: number,
    private readonly attempts = 3,
  ) {}

  /** Hears the replies until the returned call. */
  attach(): Unsubscribe {
    return this.link.subscribe('kioskReply', this.link.deviceId, (reply) => this.waiting.get(reply.requestId)?.(reply));
  }

  async walkIn(serviceId: string): Promise<Reply | undefined> {
    const requestId = newRequestId();
    return this.send({ kind: 'walkIn', requestId, pressedAt: this.clock.now(), serviceId });
  }

  async checkIn(code: string): Promise<Reply | undefined> {
    return this.send({ kind: 'checkIn', requestId: newRequestId(), pressedAt: this.clock.now(), code });
  }

  /** The walk-in ticket the engine offered for a code that came too late. */
  async lateWalkIn(code: string): Promise<Reply | undefined> {
    return this.send({ kind: 'lateWalkIn', requestId: newRequestId(), pressedAt: this.clock.now(), code });
  }

  private async send(request: Message<'kioskRequest'>): Promise<Reply | undefined> {
    try {
      for (let attempt = 0; attempt < this.attempts; attempt++) {
        if (!this.link.online) return undefined;
        const reply = await this.attempt(request);
        if (reply) return reply;
      }
      return undefined;
    } finally {
      this.waiting.delete(request.requestId);
    }
  }

  /** One send of the request, and the reply to it, or undefined after the timeout. */
  private attempt(request: Message<'kioskRequest'>): Promise<Reply | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), this.timeoutMs);
      this.waiting.set(request.requestId, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      if (!this.link.publish('kioskRequest', request)) {
        clearTimeout(timer);
        resolve(undefined);
      }
    });
  }
}
