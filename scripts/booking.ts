import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * The booking crisis switch until the staff pages exist (issue #6): talks to the running office
 * server with the admin token it keeps in its data directory.
 *
 *   npm run booking -- suspend --cs "Z důvodu … je objednávání mimo provoz." --en "Because of … booking is off." [--workplace ID …] [--cancel-existing]
 *   npm run booking -- resume
 *
 * FRONTA_DATA_DIR (default .office, the first README command's) and FRONTA_HTTP_URL (default http://127.0.0.1:8080).
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    cs: { type: 'string' },
    en: { type: 'string' },
    workplace: { type: 'string', multiple: true },
    'cancel-existing': { type: 'boolean', default: false },
  },
});
const dataDir = resolve(process.env.FRONTA_DATA_DIR ?? '.office');
const base = process.env.FRONTA_HTTP_URL ?? 'http://127.0.0.1:8080';
const token = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

const command = positionals[0];
let response: Response;
if (command === 'suspend') {
  if (!values.cs || !values.en) throw new Error('suspend needs the notice in Czech (--cs) and English (--en)');
  const body = { workplaceIds: values.workplace ?? null, notice: { cs: values.cs, en: values.en }, cancelExisting: values['cancel-existing'] };
  response = await fetch(`${base}/api/admin/suspension`, { method: 'PUT', headers, body: JSON.stringify(body) });
} else if (command === 'resume') {
  response = await fetch(`${base}/api/admin/suspension`, { method: 'DELETE', headers: { authorization: headers.authorization } });
} else {
  throw new Error('usage: npm run booking -- suspend --cs TEXT --en TEXT [--workplace ID]… [--cancel-existing] | resume');
}
console.log(response.status, await response.text());
process.exitCode = response.ok ? 0 : 1;
