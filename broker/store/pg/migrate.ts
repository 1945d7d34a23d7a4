import { readdir, readFile } from 'node:fs/promises';
import type pg from 'pg';
import { fromRoot } from '../../root-path.ts';

// From the checkout's root: the hub's bundled processes (dist/) find them as the source does.
const migrationsDir = fromRoot('broker/store/pg/migrations/');
/** Any number, the same in every process: the lock that lets one of several starting processes migrate. */
const migrationLock = 7_215_461;

/**
 * Plain SQL migrations, `NNN-name.sql`, applied in order at start, each in its own transaction with
 * its version recorded in `schema_migrations`; an advisory lock makes several processes starting
 * at once apply each exactly once. Returns the versions this call applied.
 */
export async function migrate(pool: pg.Pool, dir = migrationsDir): Promise<number[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f)).sort();
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrationLock]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const file of files) {
      const version = Number(file.slice(0, 3));
      if (done.has(version)) continue;
      const sql = await readFile(`${dir}/${file}`, 'utf8');
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, file]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${file} failed: ${(error as Error).message}`);
      }
      applied.push(version);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [migrationLock]).catch(() => {});
    client.release();
  }
  return applied;
}
