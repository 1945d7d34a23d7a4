import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * The commands run on the server itself (booking, staff) talk to the running office server with
 * the admin token it keeps in its data directory: whoever can read that file owns the server anyway.
 * The data directory is FRONTA_DATA_DIR (default .office, the first README command's); the server
 * is found on this machine at the port it wrote there (`server.json`), or at FRONTA_HTTP_URL.
 */
export async function adminRequest(
  method: string,
  path: string,
  body?: unknown,
  server: { dataDir: string; base?: string } = { dataDir: resolve(process.env.FRONTA_DATA_DIR ?? '.office'), base: process.env.FRONTA_HTTP_URL },
): Promise<Response> {
  const { dataDir } = server;
  const base = server.base ?? (await localServer(dataDir));
  const token = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

/** Prints the server's answer and sets the exit code by it. */
export async function report(response: Response): Promise<void> {
  console.log(response.status, await response.text());
  process.exitCode = response.ok ? 0 : 1;
}

/** The running server's own address on this machine, from what it wrote at start. */
async function localServer(dataDir: string): Promise<string> {
  const text = await readFile(join(dataDir, 'server.json'), 'utf8').catch(() => {
    throw new Error(`no server.json in ${dataDir}: is the office server running with FRONTA_DATA_DIR=${dataDir}? (or set FRONTA_HTTP_URL)`);
  });
  return `http://127.0.0.1:${(JSON.parse(text) as { httpPort: number }).httpPort}`;
}
