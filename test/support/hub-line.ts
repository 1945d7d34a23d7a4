import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { HubLink } from '../../broker/hub/hub-link.ts';
import { createLogger } from '../../broker/log.ts';
import type { HubLine } from '../../broker/office-server.ts';
import { MemoryDocumentStore } from '../../broker/store/document-store.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import { startMosquitto } from './mosquitto.ts';
import { startPostgres } from './postgres.ts';

/** Messages cross a broker (and reconnect after a cut): waits are bounded generously, for a busy machine. */
export const crossing = 30_000;

/** The broker's users: the hub's link, and Kostelec's server. */
export const hubLineUsers = { hub: 'hub-secret', kostelec: 'kostelec-secret' };

export interface HubLineFixture {
  pool: pg.Pool;
  brokerUrl: string;
  /** The hub's line for Kostelec's server in hub mode (`runOffice({ hub })`), through `url` (a WAN proxy, say). */
  office(url?: string): HubLine;
  stop(): Promise<void>;
}

/**
 * The hub's side of the offices' line as deployed: a migrated PostgreSQL database, Debian's
 * Mosquitto with the deployed ACL (deploy/hub/mosquitto.acl) and a user for Kostelec, and the
 * hub's link running.
 */
export async function startHubLine(): Promise<HubLineFixture> {
  const acl = await readFile(fileURLToPath(new URL('../../deploy/hub/mosquitto.acl', import.meta.url)), 'utf8');
  const postgres = await startPostgres();
  const broker = await startMosquitto(hubLineUsers, acl);
  const pool = await postgres.database();
  await migrate(pool);
  const link = new HubLink({ url: broker.url, password: hubLineUsers.hub, pool, log: createLogger('hub', () => {}) });
  await link.start();
  return {
    pool,
    brokerUrl: broker.url,
    office: (url = broker.url) => ({ url, officeId: 'kostelec', password: hubLineUsers.kostelec, store: new MemoryDocumentStore(), bookingSite: 'http://hub.example/o/kostelec' }),
    async stop() {
      await link.stop();
      await broker.stop();
      await postgres.stop();
    },
  };
}
