import { randomBytes } from 'node:crypto';
import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { type ServerProcess, startServerProcess } from '../../scripts/lib/server-process.ts';
import type { TestPostgres } from './postgres.ts';

/**
 * The settings of the hub's booking processes over `pool`'s database (docs/HUB.md): one proof
 * secret in `dir` for all of them (made once), mail to the outbox folders under `dir/hub-data`, a
 * port the OS chooses. `more`: a clock, say.
 */
export async function hubProcessEnv(postgres: TestPostgres, pool: pg.Pool, dir: string, more: Record<string, string> = {}): Promise<Record<string, string>> {
  const secretFile = join(dir, 'hub-proof-secret');
  await access(secretFile).catch(() => writeFile(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 }));
  const database = (await pool.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
  return {
    PGHOST: postgres.socketDir,
    PGUSER: 'fronta',
    PGDATABASE: database,
    FRONTA_HUB_SECRET_FILE: secretFile,
    FRONTA_HUB_DATA_DIR: join(dir, 'hub-data'),
    FRONTA_HUB_PORT: '0',
    FRONTA_MAIL_OUTBOX: '1',
    ...more,
  };
}

/** One booking process of the hub (broker/hub/hub-main.ts) as its own process. */
export const startHubProcess = (env: Record<string, string>): Promise<ServerProcess> => startServerProcess(env, 'ignore', undefined, 'broker/hub/hub-main.ts');
