import { randomBytes } from 'node:crypto';
import { access, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { type ServerProcess, startServerProcess } from '../../scripts/lib/server-process.ts';
import { eventually } from './eventually.ts';
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

/** The newest mail a hub with its data under `dir` wrote to an office's outbox folder about a booking. */
export async function hubMail(dir: string, office: string, bookingId: string): Promise<string> {
  const folder = join(dir, 'hub-data', office, 'outbox');
  const files = await eventually(
    'the mail in the outbox',
    async () => {
      const found = (await readdir(folder).catch(() => [] as string[])).filter((f) => f.startsWith(`${bookingId}--`) && f.endsWith('.html')).sort();
      return found.length > 0 && found;
    },
    20_000,
  );
  return readFile(join(folder, files.at(-1)!), 'utf8');
}
