import type pg from 'pg';

/** A statement to run, with its parameters. */
export interface Statement {
  /** A hot statement's name: each connection plans it once (PostgreSQL's prepared statements). */
  name?: string;
  text: string;
  values?: unknown[];
}

/**
 * One transaction on a client of its own. `work` says whether to commit, and may leave its last
 * `writes` to be sent with the COMMIT. Over a pipelined pool (pool.ts) statements queued together
 * go to the server at once: BEGIN with the work's first statements, the writes with the COMMIT, so
 * locks the work took are held only as long as the database needs, not while a busy process gets
 * round to the next step (docs/PERFORMANCE.md).
 * A failed write turns the COMMIT into a rollback and its error is thrown. A connection the server
 * drops mid-transaction (a restart, kill -9) emits an error on the client, which is handled here,
 * not left to crash the process; the broken client is destroyed rather than returned to the pool.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<{ commit: boolean; value: T; writes?: Statement[] }>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    const [, { commit, value, writes = [] }] = await Promise.all([client.query('BEGIN'), work(client)]);
    await Promise.all([...writes.map((w) => client.query(w)), client.query(commit ? 'COMMIT' : 'ROLLBACK')]);
    return value;
  } catch (error) {
    broken ??= error as Error;
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
