import type { Clock } from '../../shared/clock.ts';
import type { Logger } from '../log.ts';
import type { Mailer } from '../mail/mailer.ts';
import { dueMails, giveUpAfterMs, nextAttempt, type QueuedMail } from './mail-queue.ts';

/** Changes the outbox through the bookings' single writer (booking-ledger.ts): applied, then made durable. */
type Change = (apply: (outbox: Record<string, QueuedMail>) => boolean) => Promise<void>;

/**
 * Sends the mails the booking changes queued (mail-queue.ts): one attempt at a time per mail, a
 * sent one taken off the queue, a refused one given its next try, or given up after two days.
 */
export class MailDelivery {
  private readonly sending = new Map<string, Promise<boolean>>();

  constructor(private readonly deps: { mailer: Mailer; log: Logger; clock: Clock; outbox: () => Record<string, QueuedMail>; change: Change }) {}

  /** Every queued mail whose time has come, oldest first (the sweeper's retries, the start's leftovers). */
  async sendDue(): Promise<void> {
    await this.sendEach(dueMails(this.deps.outbox(), this.deps.clock.now()).map((mail) => mail.id));
  }

  /** The mails a change just queued, in order; one that fails stays queued for the sweeper. */
  async sendEach(ids: string[]): Promise<void> {
    for (const id of ids) await this.send(id);
  }

  /** One attempt at one queued mail; true once the mail server has accepted it (or nothing is left to send). */
  send(id: string): Promise<boolean> {
    const queued = this.deps.outbox()[id];
    if (!queued) return Promise.resolve(true);
    const running = this.sending.get(id);
    if (running) return running;
    const attempt = this.attempt(queued).finally(() => this.sending.delete(id));
    this.sending.set(id, attempt);
    return attempt;
  }

  private async attempt(queued: QueuedMail): Promise<boolean> {
    const { id } = queued;
    try {
      await this.deps.mailer.send({ ...queued.message, id });
    } catch (error) {
      const now = this.deps.clock.now();
      const givingUp = now - queued.queuedAt > giveUpAfterMs;
      // By its id only: the log is kept and read by technicians, the address and the subject (with the code) are the citizen's.
      this.deps.log.error(givingUp ? 'mail given up after two days' : 'mail not sent, will retry', {
        mailId: id,
        attempts: queued.attempts + 1,
        error: withoutAddresses(String(error)),
      });
      await this.deps.change((outbox) => {
        const mail = outbox[id];
        if (!mail) return false;
        if (givingUp) delete outbox[id];
        else Object.assign(mail, { attempts: mail.attempts + 1, nextAttemptAt: nextAttempt(mail.attempts + 1, now) });
        return true;
      });
      return false;
    }
    // Not stored (the disk failed): it stays queued and is sent again, under the same Message-ID.
    await this.deps.change((outbox) => {
      if (!outbox[id]) return false;
      delete outbox[id];
      return true;
    });
    return true;
  }
}

/** A relay's refusal usually quotes the recipient; the log keeps the reason without it. */
export function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '…@…');
}
