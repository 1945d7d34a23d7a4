import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * The commands run on the server itself (booking, staff) talk to the running office server with
 * the admin token it keeps in its data directory: whoever can read that file owns the server anyway.
 * FRONTA_DATA_DIR (default .office, the first README command's) and FRONTA_HTTP_URL (default http://127.0.0.1:8080).
 */
export async function adminRequest(
  method: string,
  path: string,
  body?: unknown,
  server = { dataDir: resolve(process.env.FRONTA_DATA_DIR ?? '.office'), base: process.env.FRONTA_HTTP_URL ?? 'http://127.0.0.1:8080' },
): Promise<Response> {
  const { dataDir, base } = server;
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
