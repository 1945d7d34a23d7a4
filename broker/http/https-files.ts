import { type FSWatcher, watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:https';
import { basename, dirname } from 'node:path';
import { createSecureContext } from 'node:tls';
import type { Logger } from '../log.ts';

/** The server's own HTTPS: its certificate and key as PEM files, and the port (docs/DEVICES.md has the firewall advice). */
export interface HttpsFiles {
  certPath: string;
  keyPath: string;
  port: number;
}

/** `FRONTA_HTTPS_CERT` and `FRONTA_HTTPS_KEY` (both or neither), on `FRONTA_HTTPS_PORT` (8443). */
export function httpsFromEnv(env: NodeJS.ProcessEnv): HttpsFiles | undefined {
  const { FRONTA_HTTPS_CERT: certPath, FRONTA_HTTPS_KEY: keyPath } = env;
  if (!certPath && !keyPath) return undefined;
  if (!certPath || !keyPath) throw new Error('FRONTA_HTTPS_CERT and FRONTA_HTTPS_KEY go together');
  return { certPath, keyPath, port: Number(env.FRONTA_HTTPS_PORT ?? 8443) };
}

export async function readPair(files: HttpsFiles): Promise<{ cert: string; key: string }> {
  return { cert: await readFile(files.certPath, 'utf8'), key: await readFile(files.keyPath, 'utf8') };
}

/**
 * A renewed certificate (certbot, the town's IT) is taken without a restart: the files' directories
 * are watched (a renewal replaces a file by a rename, which a watch on the file itself misses), and
 * a pair that reads and matches becomes the context of every new connection. A half-written or
 * mismatched pair is logged and the old one kept. Returns the function that stops watching.
 */
export function reloadOnChange(server: Server, files: HttpsFiles, log: Logger): () => void {
  let reading = Promise.resolve();
  const reload = () => {
    reading = reading.then(async () => {
      try {
        const pair = await readPair(files);
        createSecureContext(pair);
        server.setSecureContext(pair);
        log.info('https certificate reloaded', { cert: files.certPath });
      } catch (error) {
        log.warn('https certificate not reloaded, the previous one stays', { error: String(error) });
      }
    });
  };
  const names = new Set([basename(files.certPath), basename(files.keyPath)]);
  const watchers: FSWatcher[] = [...new Set([dirname(files.certPath), dirname(files.keyPath)])].map((dir) =>
    watch(dir, (_event, name) => {
      if (name && names.has(name)) reload();
    }),
  );
  return () => {
    for (const watcher of watchers) watcher.close();
  };
}
