import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { putOffice } from '../broker/hub/hub-offices.ts';
import { HubStaffAccounts } from '../broker/hub/hub-staff-accounts.ts';
import { writeFileDurably } from '../broker/store/durable-file.ts';
import { migrate } from '../broker/store/pg/migrate.ts';
import { kostelecOffice } from '../shared/config/kostelec.ts';
import { withPublicBase } from '../shared/config/public-address.ts';
import { type OfficeInput, officeConfigSchema, staffRulesSchema } from '../shared/config/schema.ts';
import { startMosquittoServer } from './lib/mosquitto-server.ts';
import { type OfficeProcess, startOfficeProcess } from './lib/office-process.ts';
import { startPostgresServer } from './lib/postgres-server.ts';
import { startServerProcess } from './lib/server-process.ts';
import { SimOffice } from './lib/sim-office.ts';
import { startInstant } from './lib/start-instant.ts';

/**
 * A hub and two offices on this machine (docs/HUB.md): Debian's PostgreSQL and Mosquitto with their
 * data in the hub's directory, the hub's link process and one booking process, and two office
 * servers in hub mode, each with its devices simulated. Kostelec and a second office made from it
 * (Rychnov nad Kněžnou, the same example services and hours).
 */
const env = process.env;
const dir = resolve(env.FRONTA_HUB_DIR ?? '.hub');
const hubPort = Number(env.FRONTA_HUB_PORT ?? 8090);
await mkdir(dir, { recursive: true });

const rychnov: OfficeInput = {
  ...structuredClone(kostelecOffice),
  office: { ...structuredClone(kostelecOffice.office), id: 'rychnov', name: { cs: 'Městský úřad Rychnov nad Kněžnou', en: 'Municipal Office of Rychnov nad Kněžnou' } },
};
const offices = [kostelecOffice, rychnov];

/** The secrets, made at the first start and kept beside the data (read by their owner only). */
interface Secrets {
  proof: string;
  broker: Record<string, string>;
}
const secretsFile = join(dir, 'secrets.json');
const secrets: Secrets = await readFile(secretsFile, 'utf8').then(
  (text) => JSON.parse(text) as Secrets,
  async () => {
    const made = { proof: randomBytes(32).toString('base64url'), broker: Object.fromEntries(['hub', ...offices.map((o) => o.office.id)].map((u) => [u, randomBytes(18).toString('base64url')])) };
    await writeFile(secretsFile, JSON.stringify(made), { mode: 0o600 });
    return made;
  },
);
const secretFile = async (name: string, value: string) => {
  const path = join(dir, name);
  await writeFile(path, value, { mode: 0o600 });
  return path;
};

const postgres = await startPostgresServer(join(dir, 'postgres'));
const database = 'fronta_hub';
const admin = new pg.Pool({ host: postgres.socketDir, user: 'fronta', database: 'postgres', max: 1 });
if ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 0) await admin.query(`CREATE DATABASE ${database}`);
await admin.end();
const pool = new pg.Pool({ host: postgres.socketDir, user: 'fronta', database, max: 2 });
await migrate(pool);
const hubBase = `http://127.0.0.1:${hubPort}`;
// The mails' links lead to each office's pages at the hub; the booking processes read the offices at their start.
for (const input of offices) await putOffice(pool, input.office.id, withPublicBase(officeConfigSchema.parse(input), `${hubBase}/o/${input.office.id}`));
const staffLogin = await demoAdministrator(pool);
await pool.end();

const acl = await readFile(fileURLToPath(new URL('../deploy/hub/mosquitto.acl', import.meta.url)), 'utf8');
await mkdir(join(dir, 'mosquitto'), { recursive: true });
const broker = await startMosquittoServer(join(dir, 'mosquitto'), secrets.broker, acl);
const pgEnv = { PGHOST: postgres.socketDir, PGUSER: 'fronta', PGDATABASE: database };
const link = await startServerProcess(
  { ...pgEnv, FRONTA_HUB_MQTT_URL: broker.url, FRONTA_HUB_MQTT_PASSWORD_FILE: await secretFile('broker-hub-password', secrets.broker.hub!) },
  'inherit',
  undefined,
  'broker/hub/hub-link-main.ts',
);
// The hub's clock is the offices' (a demonstration outside office hours starts at the next opening).
const startAt = startInstant(officeConfigSchema.parse(kostelecOffice), env.FRONTA_START_AT).at;
const site = await startServerProcess(
  {
    ...pgEnv,
    FRONTA_CLOCK_OFFSET_MS: String(startAt - Date.now()),
    FRONTA_HUB_SECRET_FILE: await secretFile('hub-proof-secret', secrets.proof),
    FRONTA_HUB_PORT: String(hubPort),
    FRONTA_HUB_DATA_DIR: join(dir, 'hub-data'),
    FRONTA_MAIL_OUTBOX: '1',
  },
  'inherit',
  undefined,
  'broker/hub/hub-main.ts',
);

const running: { input: OfficeInput; office: OfficeProcess; sim: SimOffice }[] = [];
for (const input of offices) {
  const id = input.office.id;
  const officeDir = join(dir, `office-${id}`);
  await mkdir(officeDir, { recursive: true });
  const config = officeConfigSchema.parse(input);
  const office = await startOfficeProcess(officeDir, input, startAt, 1, {
    simulating: true,
    env: { FRONTA_HUB_URL: broker.url, FRONTA_HUB_PASSWORD_FILE: await secretFile(`broker-${id}-password`, secrets.broker[id]!), FRONTA_HUB_SITE: `${hubBase}/o/${id}` },
  });
  const sim = new SimOffice(config, office.devices, office.clock, (m) => console.error(m), true);
  await sim.start();
  running.push({ input, office, sim });
}

console.log(`
The hub's booking site: ${hubBase}/ (the offices; each office's pages and API under ${hubBase}/o/{office}/)
  staff pages of the region: ${hubBase}/staff, of an office: ${hubBase}/o/{office}/staff   ${staffLogin}
  PostgreSQL: socket in ${postgres.socketDir}, database ${database} (psql -h ${postgres.socketDir} -U fronta ${database})
  Mosquitto for the offices' line: ${broker.url}
  e-mails of bookings made at the hub: ${join(dir, 'hub-data')}/{office}/outbox
${running
  .map(({ input, office }) => {
    const web = `http://localhost:${office.server.httpPort}`;
    return `${input.office.name.en}: virtual office ${web}/virtual#key=${encodeURIComponent(office.simulatorSecret!)}
  its own booking site ${web}/, staff ${web}/staff, data in ${join(dir, `office-${input.office.id}`)}`;
  })
  .join('\n')}
A booking made at the hub reaches its office in a second; its code checks in at that office's kiosk.
Stop with Ctrl+C.`);
// Read by a test that starts this script: the hub's and the offices' addresses, whole or not yet.
await writeFileDurably(
  join(dir, 'hub.json'),
  `${JSON.stringify({ hub: hubBase, offices: Object.fromEntries(running.map(({ input, office }) => [input.office.id, { httpPort: office.server.httpPort }])) })}\n`,
);

/**
 * A regional administrator for the newcomer to log in with, made as the first one is at a hub
 * (scripts/hub-staff.ts); its password is kept beside the data so that later starts print it again.
 */
async function demoAdministrator(db: pg.Pool): Promise<string> {
  const file = join(dir, 'staff-demo-password');
  const known = await readFile(file, 'utf8').catch(() => null);
  const password = known?.trim() ?? randomBytes(9).toString('base64url');
  const rules = staffRulesSchema.parse({});
  const added = await new HubStaffAccounts(db, { now: () => Date.now(), rules: () => rules }).add({ username: 'spravce', name: 'Správce kraje', role: 'admin', password }, null);
  if (added.ok) await writeFile(file, `${password}\n`, { mode: 0o600 });
  else if (!known) return `(the account "spravce" exists from an earlier run; delete ${dir} to start afresh)`;
  return `user "spravce", password "${password}"`;
}

async function shutdown(): Promise<void> {
  for (const { sim, office } of running) {
    await sim.stop();
    await office.stop();
  }
  await site.stop();
  await link.stop();
  await broker.stop();
  await postgres.stop();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
if (process.send) process.once('disconnect', () => void shutdown());
