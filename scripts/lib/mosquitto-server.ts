import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually } from '../../test/support/eventually.ts';
import { freePort } from '../../test/support/free-port.ts';

export interface MosquittoServer {
  url: string;
  stop(): Promise<void>;
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * Debian's Mosquitto as the hub would run it, in `dir`: passwords (`users`, hashed by
 * mosquitto_passwd), the ACL text given, persistent sessions kept on disk, loopback only, on a port
 * the OS had free. `stop` ends it; the directory is the caller's.
 */
export async function startMosquittoServer(dir: string, users: Record<string, string>, acl: string): Promise<MosquittoServer> {
  const passwords = join(dir, 'passwd');
  await writeFile(
    passwords,
    `${Object.entries(users)
      .map(([u, p]) => `${u}:${p}`)
      .join('\n')}\n`,
  );
  await promisify(execFile)('mosquitto_passwd', ['-U', passwords]);
  await writeFile(join(dir, 'acl'), acl);
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const conf = join(dir, 'mosquitto.conf');
    // 'user root' as root: Mosquitto would switch to its own user, who cannot read our temp dir.
    const lines = [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous false',
      `password_file ${passwords}`,
      `acl_file ${join(dir, 'acl')}`,
      // An office away for a day still gets every booking change the hub queued for it (1,000 by default).
      'max_queued_messages 100000',
      'persistence true',
      `persistence_location ${dir}/`,
      'log_type error',
    ];
    if (process.getuid?.() === 0) lines.push('user root');
    await writeFile(conf, `${lines.join('\n')}\n`);
    const child: ChildProcess = spawn('mosquitto', ['-c', conf], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const up = await eventually('mosquitto listening, or gone', async () => (await listening(port)) || child.exitCode !== null, 10_000);
    if (up && child.exitCode === null) {
      return {
        url: `mqtt://127.0.0.1:${port}`,
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
    // Another process took the port between the probe and the start.
    if (attempt >= 5) throw new Error('mosquitto did not start');
  }
}
