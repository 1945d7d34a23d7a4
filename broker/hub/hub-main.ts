import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { clockFromSettings } from '../../shared/clock.ts';
import { parseTrustProxy } from '../http/proxy-trust.ts';
import { createLogger } from '../log.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { migrate } from '../store/pg/migrate.ts';
import { pgPool } from '../store/pg/pool.ts';
import { proofSecretsFrom } from './hub-proofs.ts';
import { createHubSite } from './hub-site.ts';

/**
 * One booking process of the hub. PostgreSQL is reached by the standard PG* variables (PGHOST,
 * PGDATABASE, PGUSER, PGPASSWORD); the other settings are in docs/HUB.md.
 */
const env = process.env;
const log = createLogger('hub');
const dataDir = env.FRONTA_HUB_DATA_DIR ?? 'hub-data';
const secretFile = env.FRONTA_HUB_SECRET_FILE ?? join(env.CREDENTIALS_DIRECTORY ?? '/etc/fronta', 'hub-proof-secret');
const pool = pgPool({ max: Number(env.FRONTA_HUB_DB_CONNECTIONS ?? 20) });
pool.on('error', (error) => log.warn('database connection lost', { error: error.message }));
if (env.FRONTA_HUB_MIGRATE !== '0') await migrate(pool);
const mailers = new Map<string, Mailer>();
const site = await createHubSite({
  pool,
  log,
  clock: clockFromSettings({ startAt: env.FRONTA_START_AT, offsetMs: env.FRONTA_CLOCK_OFFSET_MS, rate: env.FRONTA_CLOCK_RATE, epochMs: env.FRONTA_CLOCK_EPOCH_MS }),
  proofSecrets: proofSecretsFrom(await readFile(secretFile, 'utf8')),
  // A trial hub (FRONTA_MAIL_OUTBOX=1) books with its mail in the outbox folder; otherwise only an office with a mail server does.
  mailReady: (officeId) => env.FRONTA_MAIL_OUTBOX === '1' || mailerOf(officeId).reachesCitizens,
  trustProxy: parseTrustProxy(env.FRONTA_TRUST_PROXY),
  mailer: (officeId) => mailerOf(officeId),
});

/** Each office's mailer, made at its first mail: the office's own sender and transport; its outbox folder under the hub's data. */
function mailerOf(officeId: string): Mailer {
  let mailer = mailers.get(officeId);
  if (!mailer) mailers.set(officeId, (mailer = createMailer(site.office(officeId).config.mail, join(dataDir, officeId), createLogger('mail'))));
  return mailer;
}
await site.app.listen({ host: env.FRONTA_HUB_HOST ?? '127.0.0.1', port: Number(env.FRONTA_HUB_PORT ?? 8090) });
const address = site.server.address();
console.log(JSON.stringify({ ready: true, mqttPort: 0, httpPort: typeof address === 'object' && address ? address.port : 0 }));

const shutdown = () =>
  void site
    .stop()
    .then(() => pool.end())
    .then(() => process.exit(0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, shutdown);
if (process.send) process.once('disconnect', shutdown);
