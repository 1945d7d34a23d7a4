import { createLogger } from '../log.ts';
import { envSecret } from '../settings/env-secret.ts';
import { migrate } from '../store/pg/migrate.ts';
import { pgPool } from '../store/pg/pool.ts';
import { HubLink } from './hub-link.ts';

/**
 * The hub's one line to the offices (hub-link.ts), a process of its own beside the booking
 * processes: exactly one runs, since it holds the hub's broker session. PostgreSQL by the PG*
 * variables; the broker by FRONTA_HUB_MQTT_URL, as the user `hub` with the password from the file
 * FRONTA_HUB_MQTT_PASSWORD_FILE names (or FRONTA_HUB_MQTT_PASSWORD).
 */
const env = process.env;
const log = createLogger('hub-link');
const password = envSecret(env, 'FRONTA_HUB_MQTT_PASSWORD');
if (!env.FRONTA_HUB_MQTT_URL || !password) throw new Error("give the hub's broker in FRONTA_HUB_MQTT_URL and the user hub's password in the file FRONTA_HUB_MQTT_PASSWORD_FILE names");
const pool = pgPool({ max: 4 });
pool.on('error', (error) => log.warn('database connection lost', { error: error.message }));
if (env.FRONTA_HUB_MIGRATE !== '0') await migrate(pool);
const link = new HubLink({ url: env.FRONTA_HUB_MQTT_URL, password, pool, log });
await link.start();
console.log(JSON.stringify({ ready: true, mqttPort: 0, httpPort: 0 }));

const shutdown = () =>
  void link
    .stop()
    .then(() => pool.end())
    .then(() => process.exit(0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, shutdown);
if (process.send) process.once('disconnect', shutdown);
