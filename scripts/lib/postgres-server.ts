import { execFile } from 'node:child_process';
import { access, chown, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PostgresServer {
  /** The socket directory: `pg` connects there (host), no TCP port is bound. */
  socketDir: string;
  /** The cluster's data directory (its postmaster.pid names the server's process). */
  dataDir: string;
  /** pg_ctl start on the same data (after a kill, say). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Debian's server binaries (initdb, pg_ctl) are not on PATH: /usr/lib/postgresql/<version>/bin. */
async function binDir(): Promise<string> {
  const versions = (await readdir('/usr/lib/postgresql').catch(() => [] as string[])).sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error("PostgreSQL's server is not installed: bash scripts/system-deps.sh --test");
  return join('/usr/lib/postgresql', versions[0]!, 'bin');
}

/**
 * A real PostgreSQL server from Debian's package with its cluster in `dir` (made by initdb the
 * first time, used again after), listening on a Unix socket in that directory only (no TCP port),
 * trusting the local user `fronta`; started and stopped by pg_ctl. PostgreSQL refuses to run as
 * root: as root, it runs as the package's `postgres` user, who is given the directory.
 * `statements`: with pg_stat_statements, for a benchmark to see where the time went.
 */
export async function startPostgresServer(dir: string, options: { statements?: boolean } = {}): Promise<PostgresServer> {
  const bin = await binDir();
  const dataDir = join(dir, 'data');
  const socketDir = join(dir, 'socket');
  await mkdir(socketDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  const as = async (command: string, args: string[]) => {
    const [file, all] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
    return run(file, all, { env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  };
  if (asRoot) {
    const { uid, gid } = await userIds('postgres');
    await chown(dir, uid, gid);
    await chown(socketDir, uid, gid);
  }
  const made = await access(join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (!made) await as('initdb', ['-D', dataDir, '-U', 'fronta', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const statements = options.statements ? ' -c shared_preload_libraries=pg_stat_statements' : '';
  const start = async () => {
    await as('pg_ctl', ['-D', dataDir, '-w', '-l', join(dir, 'server.log'), '-o', `-c listen_addresses='' -k ${socketDir} -c fsync=on${statements}`, 'start']);
  };
  await start();
  return {
    socketDir,
    dataDir,
    start,
    async stop() {
      await as('pg_ctl', ['-D', dataDir, '-w', '-m', 'fast', 'stop']);
    },
  };
}

async function userIds(name: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}
