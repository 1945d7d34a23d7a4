import { execFile } from 'node:child_process';
import { chown, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
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
  stop(): Promise<void>;
}

/** Debian's server binaries (initdb, pg_ctl) are not on PATH: /usr/lib/postgresql/<version>/bin. */
async function binDir(): Promise<string> {
  const versions = (await readdir('/usr/lib/postgresql').catch(() => [] as string[])).sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error("PostgreSQL's server is not installed: bash scripts/system-deps.sh --test");
  return join('/usr/lib/postgresql', versions[0]!, 'bin');
}

/**
 * A real PostgreSQL server from Debian's package in a temporary directory: its own cluster
 * (initdb), listening on a Unix socket in that directory only (no TCP port), started and stopped by
 * pg_ctl, removed afterwards. PostgreSQL refuses to run as root: as root, it runs as the
 * package's `postgres` user, who is given the directory.
 */
export async function startPostgres(options: { statements?: boolean } = {}): Promise<TestPostgres> {
  const dir = await tempDir();
  const bin = await binDir();
  const data = join(dir.path, 'data');
  const socketDir = join(dir.path, 'socket');
  await mkdir(socketDir);
  const asRoot = process.getuid?.() === 0;
  const as = async (command: string, args: string[]) => {
    const [file, all] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
    return run(file, all, { env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  };
  if (asRoot) {
    const { uid, gid } = await userIds('postgres');
    await chown(dir.path, uid, gid);
    await chown(socketDir, uid, gid);
  }
  await as('initdb', ['-D', data, '-U', 'fronta', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  // pg_stat_statements (Debian's server package has it): what each statement cost, for a benchmark.
  const statements = options.statements ? ' -c shared_preload_libraries=pg_stat_statements' : '';
  const start = () => as('pg_ctl', ['-D', data, '-w', '-l', join(dir.path, 'server.log'), '-o', `-c listen_addresses='' -k ${socketDir} -c fsync=on${statements}`, 'start']);
  await start();
  const pools: pg.Pool[] = [];
  let databases = 0;
  const admin = new pg.Pool({ host: socketDir, user: 'fronta', database: 'postgres', max: 1 });
  // A killed server (killAndRestart) breaks the idle connections: each pool opens new ones.
  const ignore = () => {};
  admin.on('error', ignore);
  return {
    socketDir,
    async database() {
      const name = `fronta_${++databases}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const pool = new pg.Pool({ host: socketDir, user: 'fronta', database: name, max: 10 });
      pool.on('error', ignore);
      pools.push(pool);
      return pool;
    },
    async killAndRestart() {
      const postmaster = Number((await readFile(join(data, 'postmaster.pid'), 'utf8')).split('\n')[0]);
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
      await start();
    },
    async stop() {
      await Promise.all([...pools, admin].map((p) => p.end()));
      await as('pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop']);
      await dir.remove();
    },
  };
}

async function userIds(name: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}
