import pg from 'pg';
import type { Logger } from '../log.ts';

/** PostgreSQL's channel for a mail queued where nobody sends it (the hub's link has no mailer). */
export const mailChannel = 'fronta_hub_mail';

const firstRetryMs = 1_000;
const lastRetryMs = 30_000;

/**
 * Makes a queued mail due at once and tells every booking process (`listenForMail`); the first to
 * take it sends it (hub-mail.ts). For mail queued outside a booking process, such as the client's
 * mail of an office's cancellation, which would otherwise wait for the next sweep. Due since 0, not
 * since the office's time: the office's clock may run ahead of the booking processes'.
 */
export async function wakeMailSenders(db: Pick<pg.Pool, 'query'>, mailId: string): Promise<void> {
  await db.query(`WITH due AS (UPDATE hub_outbox SET next_attempt_at = 0 WHERE id = $1 RETURNING id) SELECT pg_notify('${mailChannel}', id) FROM due`, [mailId]);
}

/**
 * A booking process's ear for `wakeMailSenders`: a connection of its own that listens, made again
 * after it is lost (the database restarted), one to thirty seconds later. A mail announced while it
 * was away is sent by the sweep.
 */
export function listenForMail(config: pg.ClientConfig, onMail: (id: string) => void, log: Logger): { stop(): Promise<void> } {
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  let retryMs = firstRetryMs;
  let stopped = false;
  // Once per connection, whichever reports it first (its error event, or the failed connect or LISTEN).
  const lost = (which: pg.Client, error: Error) => {
    if (client !== which) return;
    client = null;
    log.warn('mail wake-up connection lost', { error: error.message });
    void which.end().catch(() => {});
    if (stopped) return;
    retry = setTimeout(() => void connect(), retryMs);
    retry.unref();
    retryMs = Math.min(retryMs * 2, lastRetryMs);
  };
  const connect = async () => {
    const listening = new pg.Client(config);
    client = listening;
    listening.on('error', (error) => lost(listening, error));
    listening.on('end', () => lost(listening, new Error('the connection ended')));
    listening.on('notification', (message) => {
      if (message.channel === mailChannel && message.payload) onMail(message.payload);
    });
    try {
      await listening.connect();
      await listening.query(`LISTEN ${mailChannel}`);
      retryMs = firstRetryMs;
    } catch (error) {
      lost(listening, error as Error);
    }
  };
  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const last = client;
      client = null;
      await last?.end().catch(() => {});
    },
  };
}
