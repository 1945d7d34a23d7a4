import type { Clock } from '../../shared/clock.ts';
import type { Logger } from '../log.ts';
import type { KeyedTable } from '../store/keyed-table.ts';
import { dueItems, nextAttempt, type Queued } from './outbox-queue.ts';

/** How one kind of message is sent, and for how long it is worth trying. */
export interface Channel<M> {
  /** 'mail' or 'SMS', in the log. */
  name: string;
  deliver: (id: string, message: M) => Promise<void>;
  /** A message still not taken after this is given up, and logged. */
  giveUpAfterMs: (message: M) => number;
  /** The refusal without what is the citizen's (an address, a number). */
  redact: (error: string) => string;
  /** Inside the change that takes a message off the queue, sent or given up (the statistics count it). */
  settled?: (queued: Readonly<Queued<M>>, outcome: 'sent' | 'givenUp') => void;
}

/** Changes a queue through the bookings' single writer (booking-ledger.ts): applied, then made durable. */
type Change<M> = (apply: (outbox: KeyedTable<Queued<M>>) => boolean) => Promise<void>;

/**
 * Sends what the booking changes queued (outbox-queue.ts): one attempt at a time per message, a
 * sent one taken off the queue, a refused one given its next try, or given up when too old.
 */
export class OutboxDelivery<M> {
  private readonly sending = new Map<string, Promise<boolean>>();

  constructor(private readonly deps: { channel: Channel<M>; log: Logger; clock: Clock; outbox: () => KeyedTable<Queued<M>>; change: Change<M> }) {}

  /** Every queued message whose time has come, oldest first (the sweeper's retries, the start's leftovers). */
  async sendDue(): Promise<void> {
    await this.sendEach(dueItems(this.deps.outbox(), this.deps.clock.now()).map((item) => item.id));
  }

  /** The messages a change just queued, in order; one that fails stays queued for the sweeper. */
  async sendEach(ids: string[]): Promise<void> {
    for (const id of ids) await this.send(id);
  }

  /** One attempt at one queued message; true once it was taken (or nothing is left to send). */
  send(id: string): Promise<boolean> {
    const queued = this.deps.outbox().get(id);
    if (!queued) return Promise.resolve(true);
    const running = this.sending.get(id);
    if (running) return running;
    const attempt = this.attempt(queued).finally(() => this.sending.delete(id));
    this.sending.set(id, attempt);
    return attempt;
  }

  private async attempt(queued: Readonly<Queued<M>>): Promise<boolean> {
    const { id } = queued;
    const { channel } = this.deps;
    try {
      await channel.deliver(id, queued.message);
    } catch (error) {
      const now = this.deps.clock.now();
      const givingUp = now - queued.queuedAt > channel.giveUpAfterMs(queued.message);
      // By its id only: the log is kept and read by technicians, the address, the number and the text (with the code) are the citizen's.
      this.deps.log.error(`${channel.name} ${givingUp ? 'given up' : 'not sent, will retry'}`, { id, attempts: queued.attempts + 1, error: channel.redact(String(error)) });
      await this.deps.change((outbox) => {
        const item = outbox.get(id);
        if (!item) return false;
        if (givingUp) {
          outbox.delete(id);
          channel.settled?.(item, 'givenUp');
        } else outbox.set(id, { ...item, attempts: item.attempts + 1, nextAttemptAt: nextAttempt(item.attempts + 1, now) });
        return true;
      });
      return false;
    }
    // Not stored (the disk failed): it stays queued and is sent again, under the same id.
    await this.deps.change((outbox) => {
      const item = outbox.get(id);
      if (!item) return false;
      outbox.delete(id);
      channel.settled?.(item, 'sent');
      return true;
    });
    return true;
  }
}

/** A relay's refusal usually quotes the recipient; the log keeps the reason without it. */
export function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '…@…');
}
