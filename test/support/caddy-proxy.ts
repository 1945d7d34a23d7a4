import { type ChildProcess, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';

import { join } from 'node:path';
import { eventually } from './eventually.ts';
import { freePort } from './free-port.ts';
import { tempDir } from './temp-dir.ts';

export interface CaddyProxy {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Debian's Caddy as the deployment puts it in front of the office server (deploy/README.md), in a
 * temporary directory: plain HTTP here, since what is tested is whom the server believes, not TLS.
 */
export async function startCaddy(upstreamPort: number, extraSite = ''): Promise<CaddyProxy> {
  const dir = await tempDir();
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const caddyfile = join(dir.path, 'Caddyfile');
    await writeFile(caddyfile, `{\n  admin off\n  auto_https off\n}\nhttp://:${port} {\n  bind 127.0.0.1\n  ${extraSite}\n  reverse_proxy 127.0.0.1:${upstreamPort}\n}\n`);
    const env = { ...process.env, HOME: dir.path, XDG_DATA_HOME: dir.path, XDG_CONFIG_HOME: dir.path };
    const child: ChildProcess = spawn('caddy', ['run', '--config', caddyfile, '--adapter', 'caddyfile'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const url = `http://127.0.0.1:${port}`;
    const up = await eventually(
      'Caddy to answer',
      async () => {
        if (child.exitCode !== null) return 'exited';
        return (await fetch(`${url}/health`).catch(() => null))?.ok ? 'up' : false;
      },
      15_000,
    ).catch((error: Error) => {
      child.kill('SIGKILL');
      throw new Error(`${error.message}\n${stderr}`);
    });
    if (up === 'up') {
      return {
        url,
        port,
        async stop() {
          child.kill('SIGTERM');
          await exited;
          await dir.remove();
        },
      };
    }
    // Another process took the port between the probe and Caddy's bind.
    if (attempt === 3) {
      await dir.remove();
      throw new Error(`caddy did not start:\n${stderr}`);
    }
  }
}
