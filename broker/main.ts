import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { clockFromSettings } from '../shared/clock.ts';
import { clockEpoch } from './clock-anchor.ts';
import { loadOfficeConfig } from './config-file.ts';
import { dataFormat, prepareDataDir } from './data-format.ts';
import { httpsFromEnv } from './http/https-files.ts';
import { parseTrustProxy } from './http/proxy-trust.ts';
import { createLogger } from './log.ts';
import { workerMailer } from './mail/worker-mailer.ts';
import { mqttTlsFromEnv } from './mqtt/mqtt-tls.ts';
import { type HubLine, startOfficeServer } from './office-server.ts';
import { envSecret } from './settings/env-secret.ts';
import { createSms } from './sms/create-sms.ts';
import { FileDocumentStore } from './store/document-store.ts';
import { FileStore } from './store/file-store.ts';
import { FileJournalStore } from './store/journal-store.ts';

/** The office server. Settings come from the environment; see README.md for each one. */
const env = process.env;
const dataDir = env.FRONTA_DATA_DIR ?? 'data';
const config = await loadOfficeConfig(env.FRONTA_CONFIG);
await mkdir(dataDir, { recursive: true });
const migrated = await prepareDataDir(dataDir);
if (migrated.length > 0) createLogger('broker').info('data directory migrated', { from: migrated[0], to: dataFormat });
const adminToken = await readOrCreateAdminToken(join(dataDir, 'admin-token'));
const mqttTls = await mqttTlsFromEnv(env);
const hub = hubLineFromEnv();
const server = await startOfficeServer({
  config,
  credentialsStore: new FileDocumentStore(env.FRONTA_CREDENTIALS ?? join(dataDir, 'credentials.json')),
  store: new FileStore(join(dataDir, 'queue')),
  bookingStore: new FileJournalStore(join(dataDir, 'bookings.json')),
  staffStore: new FileDocumentStore(join(dataDir, 'staff.json')),
  settingsStore: new FileDocumentStore(join(dataDir, 'settings.json')),
  statisticsStore: new FileDocumentStore(join(dataDir, 'statistics.json')),
  mailer: await workerMailer(config.mail, dataDir),
  sms: createSms(config.sms, dataDir, createLogger('sms')),
  adminToken,
  clock: clockFromSettings({
    startAt: env.FRONTA_START_AT,
    offsetMs: env.FRONTA_CLOCK_OFFSET_MS,
    rate: env.FRONTA_CLOCK_RATE,
    epochMs: env.FRONTA_CLOCK_EPOCH_MS ?? (await clockEpoch(join(dataDir, 'clock-anchor.json'), env.FRONTA_START_AT)),
  }),
  host: env.FRONTA_HOST ?? '127.0.0.1',
  // With a certificate, plain MQTT is off unless asked for (an isolated LAN, devices not yet re-provisioned).
  mqttPort: mqttTls && env.FRONTA_MQTT_PLAIN !== '1' ? null : Number(env.FRONTA_MQTT_PORT ?? 1883),
  mqttTls,
  httpPort: Number(env.FRONTA_HTTP_PORT ?? 8080),
  https: httpsFromEnv(env),
  simulating: env.FRONTA_SIMULATION === '1',
  mailRequired: env.FRONTA_SIMULATION !== '1' && env.FRONTA_MAIL_OUTBOX !== '1',
  trustProxy: parseTrustProxy(env.FRONTA_TRUST_PROXY),
  ...(env.FRONTA_DEVICE_FILES ? { deviceFiles: env.FRONTA_DEVICE_FILES } : {}),
  ...(hub ? { hub } : {}),
});
// Tells a parent process (scripts/office.ts, the tests) the ports the OS chose, and the commands
// on this machine (scripts/booking.ts, scripts/staff.ts) where to reach this server.
const ready = { mqttPort: server.mqttPort, mqttsPort: server.mqttsPort, httpPort: server.httpPort, httpsPort: server.httpsPort };
await writeFile(join(dataDir, 'server.json'), `${JSON.stringify(ready)}\n`);
console.log(JSON.stringify({ ready: true, ...ready }));

const shutdown = () => void server.stop().then(() => process.exit(0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, shutdown);
// Started by a script (the office, a benchmark, a test) over an IPC channel: a parent that dies,
// however it dies, closes the channel, and the server goes with it instead of lingering.
if (process.send) process.once('disconnect', shutdown);

/** The secret the booking command (scripts/booking.ts) shows the server; readable by its owner only. */
async function readOrCreateAdminToken(path: string): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    const token = randomBytes(32).toString('base64url');
    await writeFile(path, `${token}\n`, { mode: 0o600 });
    return token;
  }
}

/** Hub mode (docs/HUB.md): the hub's broker, this office's user there (its id unless FRONTA_HUB_OFFICE) and its password. */
function hubLineFromEnv(): HubLine | undefined {
  if (!env.FRONTA_HUB_URL) return undefined;
  const password = envSecret(env, 'FRONTA_HUB_PASSWORD');
  if (!password || !env.FRONTA_HUB_SITE)
    throw new Error("FRONTA_HUB_URL is set: give the office's password at the hub's broker in the file FRONTA_HUB_PASSWORD_FILE names, and its pages at the hub in FRONTA_HUB_SITE");
  return {
    url: env.FRONTA_HUB_URL,
    officeId: env.FRONTA_HUB_OFFICE ?? config.office.id,
    password,
    store: new FileDocumentStore(join(dataDir, 'hub-reports.json')),
    bookingSite: env.FRONTA_HUB_SITE,
  };
}
