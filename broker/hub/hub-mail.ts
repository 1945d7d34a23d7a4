import type pg from 'pg';
import type { Clock } from '../../shared/clock.ts';
import { withoutAddresses } from '../booking/outbox-delivery.ts';
import { mailGiveUpMs, nextAttempt, type QueuedMail } from '../booking/outbox-queue.ts';
import type { Logger } from '../log.ts';
import type { Mailer } from '../mail/mailer.ts';

/** A process that took a mail to send and died gives it back after this: another one sends it then. */
export const leaseMs = 2 * 60_000;

/**
 * The mails the hub's changes queued (hub_outbox, written in the change's own transaction), sent
 * by whichever process gets to them: a process takes a mail by moving its next attempt on by a
 * lease, so no other sends it meanwhile, and deletes it once the mail server took it. The same
 * order as an office's outbox (outbox-delivery.ts): tries 1, 2, 4 … minutes apart, given up after
 * two days, the log without the address.
 */
export class HubMail {
  constructor(private readonly deps: { pool: pg.Pool; mailer: (officeId: string) => Mailer; clock: Clock; log: Logger }) {}

  /**
   * One attempt; true once the mail server took it, or when there is nothing of it left to send
   * here (sent, or taken by another process). `first`: the attempt of the process whose change
   * queued it, which holds it already (it was queued leased, hub-book.ts); it need not take it.
   */
  async send(id: string, first = false): Promise<boolean> {
    const { pool, clock, log } = this.deps;
    const now = clock.now();
    const taken = first
      ? await pool.query<{ office_id: string; queued: QueuedMail }>('SELECT office_id, queued FROM hub_outbox WHERE id = $1', [id])
      : await pool.query<{ office_id: string; queued: QueuedMail }>('UPDATE hub_outbox SET next_attempt_at = $3 WHERE id = $1 AND next_attempt_at <= $2 RETURNING office_id, queued', [
          id,
          now,
          now + leaseMs,
        ]);
    const row = taken.rows[0];
    if (!row) return true;
    const { office_id: officeId, queued } = row;
    try {
      await this.deps.mailer(officeId).send({ ...queued.message, id });
    } catch (error) {
      const givingUp = now - queued.queuedAt > mailGiveUpMs;
      log.error(`mail ${givingUp ? 'given up' : 'not sent, will retry'}`, { id, officeId, attempts: queued.attempts + 1, error: withoutAddresses(String(error)) });
      if (givingUp) await pool.query('DELETE FROM hub_outbox WHERE id = $1', [id]);
      else {
        const next = { ...queued, attempts: queued.attempts + 1, nextAttemptAt: nextAttempt(queued.attempts + 1, now) };
        await pool.query('UPDATE hub_outbox SET queued = $2, next_attempt_at = $3 WHERE id = $1', [id, JSON.stringify(next), next.nextAttemptAt]);
      }
      return false;
    }
    // Not deleted (the database away): the lease runs out and it is sent again, under the same Message-ID.
    await pool.query('DELETE FROM hub_outbox WHERE id = $1', [id]);
    return true;
  }

  /** The mails whose time has come, oldest first (the sweep's retries, and what a process that died left). */
  async sendDue(): Promise<void> {
    const due = await this.deps.pool.query<{ id: string }>('SELECT id FROM hub_outbox WHERE next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT 100', [this.deps.clock.now()]);
    for (const { id } of due.rows) await this.send(id);
  }

  /** A mail no longer wanted (the hold it was for is given back). */
  async drop(id: string): Promise<void> {
    await this.deps.pool.query('DELETE FROM hub_outbox WHERE id = $1', [id]);
  }
}
