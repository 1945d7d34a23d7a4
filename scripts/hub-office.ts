import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadOfficeConfig } from '../broker/config-file.ts';
import { putOffice } from '../broker/hub/hub-offices.ts';

/**
 * The hub's offices, for its administrator (docs/HUB.md); PostgreSQL by the PG* variables:
 *
 *   npm run hub-office -- put --config office.json --public-url https://objednani.example/o/kostelec
 *   npm run hub-office -- list
 *
 * `put` adds the office (its id is the configuration's `office.id`) or gives it the new
 * configuration, validated as an office server validates its file; nothing is written when it is
 * invalid. The mails' links are made from the public URL, the office's pages at the hub
 * (`--public-url`, else the file's `office.publicBaseUrl`). The office's server in hub mode takes the
 * configuration too, keeping its own address, mail relay and SMS transport (docs/HUB.md).
 */
const { positionals, values } = parseArgs({ allowPositionals: true, options: { config: { type: 'string' }, 'public-url': { type: 'string' } } });
const usage = 'usage: npm run hub-office -- put --config FILE [--public-url URL]  |  list';
const command = positionals[0];
if (command !== 'list' && (command !== 'put' || !values.config)) throw new Error(usage);
const pool = new pg.Pool({ max: 1 });
try {
  if (command === 'put') {
    const loaded = await loadOfficeConfig(values.config);
    const url = values['public-url'] ?? loaded.office.publicBaseUrl;
    if (!url) throw new Error("give the office's pages at the hub: --public-url https://…/o/{office}, or office.publicBaseUrl in the file");
    const config = { ...loaded, office: { ...loaded.office, publicBaseUrl: url } };
    const known = (await pool.query('SELECT 1 FROM hub_offices WHERE id = $1', [config.office.id])).rowCount === 1;
    await putOffice(pool, config.office.id, config);
    console.log(
      known
        ? `Office ${config.office.id}: new configuration; the booking processes and the office's server use it within seconds.`
        : `Office ${config.office.id} added. The booking processes serve it within seconds; give it a user of the same name at the hub's Mosquitto (mosquitto_passwd).`,
    );
  } else {
    const { rows } = await pool.query<{ id: string; name: string; url: string | null }>(
      "SELECT id, config->'office'->'name'->>'cs' AS name, config->'office'->>'publicBaseUrl' AS url FROM hub_offices ORDER BY id",
    );
    for (const row of rows) console.log(`${row.id}\t${row.name}\t${row.url ?? ''}`);
  }
} finally {
  await pool.end();
}
