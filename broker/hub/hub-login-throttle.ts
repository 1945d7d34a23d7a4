import type pg from 'pg';
import { type Attempt, type Failures, failureMemoryMs, slowedNow, type ThrottleRules, waitUntil } from '../staff/login-throttle.ts';
import { inTransaction } from '../store/pg/transaction.ts';

interface Row {
  key: string;
  count: number;
  last_at: string;
}

const keysOf = (name: string, address: string) => ({ pair: `pair:${name}\n${address}`, name: `name:${name}`, address: `address:${address}` });
const failuresOf = (row: Row | undefined): Failures | undefined => row && { count: row.count, lastAt: Number(row.last_at) };

/**
 * The office's login throttle (login-throttle.ts, the same rules) with its counts in PostgreSQL
 * (`hub_login_failures`), so a guesser spreading attempts over the booking processes is slowed as at
 * one process. The attempts of one name are counted one after the other (an advisory lock on the
 * name for the transaction), so a burst sent at once to every process is still counted one by one.
 */
export class HubLoginThrottle {
  constructor(
    private readonly pool: pg.Pool,
    private readonly rules: () => ThrottleRules,
  ) {}

  begin(name: string, address: string, now: number): Promise<Attempt> {
    const keys = keysOf(name, address);
    return inTransaction<Attempt>(this.pool, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended('login/' || $1, 0))", [name]);
      const { rows } = await client.query<Row>('SELECT key, count, last_at FROM hub_login_failures WHERE key = ANY($1) AND last_at >= $2', [
        [keys.pair, keys.name, keys.address],
        now - failureMemoryMs,
      ]);
      const row = (key: string) => rows.find((r) => r.key === key);
      const wait = waitUntil(this.rules(), { pair: failuresOf(row(keys.pair)), name: failuresOf(row(keys.name)), addressFailed: row(keys.address) !== undefined });
      if (wait > now) return { commit: false, value: { ok: false, retryAt: wait } satisfies Attempt };
      // A count older than the memory starts again at one, as if forgotten.
      await client.query(
        `INSERT INTO hub_login_failures (key, count, last_at) SELECT k, 1, $2 FROM unnest($1::text[]) AS k
         ON CONFLICT (key) DO UPDATE SET count = CASE WHEN hub_login_failures.last_at < $3 THEN 1 ELSE hub_login_failures.count + 1 END, last_at = $2`,
        [[keys.pair, keys.name, keys.address], now, now - failureMemoryMs],
      );
      return { commit: true, value: { ok: true, succeeded: () => this.giveBack(keys) } satisfies Attempt };
    });
  }

  /** An administrator lets the name in again from everywhere. */
  async clear(name: string): Promise<void> {
    await this.pool.query('DELETE FROM hub_login_failures WHERE key = $1 OR starts_with(key, $2)', [`name:${name}`, `pair:${name}\n`]);
  }

  /** Which of these names wrong passwords slow somewhere now, for the accounts page: one query for the whole list. */
  async slowed(names: readonly string[], now: number): Promise<Set<string>> {
    // A pair's key is `pair:{name}\n{address}`, and a user name has no line break (usernameSchema).
    const { rows } = await this.pool.query<Row>(
      `SELECT key, count, last_at FROM hub_login_failures WHERE last_at >= $3
          AND (key = ANY($1) OR (starts_with(key, 'pair:') AND split_part(substr(key, 6), E'\n', 1) = ANY($2)))`,
      [names.map((name) => `name:${name}`), names, now - failureMemoryMs],
    );
    const nameOf = (key: string) => (key.startsWith('name:') ? key.slice(5) : key.slice(5, key.indexOf('\n')));
    return new Set(
      names.filter((name) => {
        const own = rows.filter((r) => nameOf(r.key) === name);
        const pairs = own.filter((r) => r.key.startsWith('pair:')).map((r) => failuresOf(r)!);
        return slowedNow(this.rules(), failuresOf(own.find((r) => r.key.startsWith('name:'))), pairs, now);
      }),
    );
  }

  /** The minute sweep's: counts older than the memory. */
  async forgetOld(now: number): Promise<void> {
    await this.pool.query('DELETE FROM hub_login_failures WHERE last_at < $1', [now - failureMemoryMs]);
  }

  /** A right password gives its count back: the pair's is gone, the name's and the address's one less. */
  private async giveBack(keys: ReturnType<typeof keysOf>): Promise<void> {
    await this.pool.query(
      `WITH gone AS (DELETE FROM hub_login_failures WHERE key = $1 OR (key = ANY($2) AND count <= 1))
       UPDATE hub_login_failures SET count = count - 1 WHERE key = ANY($2) AND count > 1`,
      [keys.pair, [keys.name, keys.address]],
    );
  }
}
