import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { pgPool } from '../../broker/store/pg/pool.ts';
import { startPostgresServer } from '../../scripts/lib/postgres-server.ts';
import { eventually } from './eventually.ts';
import { tempDir } from './temp-dir.ts';

const run = promisify(execFile);

export interface TestPostgres {
  /** The socket directory: `pg` connects there (host), no TCP port is bound. */
  socketDir: string;
  /** A new, empty database on this server, its pool closed by `stop`. */
  database(): Promise<pg.Pool>;
  /** SIGKILL to the postmaster and its backends, as a power cut would leave them; then started again on the same data. */
  killAndRestart(): Promise<void>;
  /** The postmaster's process id (its backends are its children). */
  pid(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL server from Debian's package (scripts/lib/postgres-server.ts) in a temporary
 * directory, removed by `stop`.
 */
export async function startPostgres(options: { statements?: boolean } = {}): Promise<TestPostgres> {
  const dir = await tempDir();
  const server = await startPostgresServer(dir.path, options);
  const { socketDir, dataDir: data } = server;
  const pools: pg.Pool[] = [];
  let databases = 0;
  const admin = new pg.Pool({ host: socketDir, user: 'fronta', database: 'postgres', max: 1 });
  // A killed server (killAndRestart) breaks the idle connections: each pool opens new ones.
  const ignore = () => {};
  admin.on('error', ignore);
  const postmasterPid = async () => Number((await readFile(join(data, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  return {
    socketDir,
    async database() {
      const name = `fronta_${++databases}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const pool = pgPool({ host: socketDir, user: 'fronta', database: name, max: 10 });
      pool.on('error', ignore);
      pools.push(pool);
      return pool;
    },
    pid: postmasterPid,
    async killAndRestart() {
      const postmaster = await postmasterPid();
      // The postmaster and every backend at once, none allowed to finish its work (not the process
      // group: the postmaster may share ours).
      const backends = (await run('ps', ['-o', 'pid=', '--ppid', String(postmaster)])).stdout.split('\n').map(Number).filter(Boolean);
      const all = [postmaster, ...backends];
      for (const pid of all) process.kill(pid, 'SIGKILL');
      const alive = (pid: number) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      await eventually('the killed server gone', () => !all.some(alive), 20_000);
      await server.start();
    },
    async stop() {
      await Promise.all([...pools, admin].map((p) => p.end()));
      await server.stop();
      await dir.remove();
    },
  };
}
