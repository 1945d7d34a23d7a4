import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { QueueEngine } from '../../broker/engine/queue-engine.ts';
import { documentStoreContract } from '../../broker/store/document-store-contract.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import { PgDocumentStore } from '../../broker/store/pg/pg-document-store.ts';
import { PgQueueStore } from '../../broker/store/pg/pg-queue-store.ts';
import { queueStoreContract } from '../../broker/store/store-contract.ts';
import { ManualClock } from '../../shared/clock.ts';
import { withPublicBase } from '../../shared/config/public-address.ts';
import { kostelec, tuesdayNine } from '../support/office-fixture.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';

let server: TestPostgres;
let shared: Awaited<ReturnType<TestPostgres['database']>>;
test.before(async () => {
  server = await startPostgres();
  shared = await server.database();
  await migrate(shared);
});
test.after(async () => {
  await server.stop();
});

// Each test of a contract gets an office (or document) of its own in the one migrated database.
const fresh = () => `office-${randomBytes(4).toString('hex')}`;

queueStoreContract('PgQueueStore', async () => {
  const office = fresh();
  return { store: new PgQueueStore(shared, office), reopen: () => new PgQueueStore(shared, office), cleanup: async () => {} };
});

documentStoreContract('PgDocumentStore', async () => {
  const name = fresh();
  return { store: new PgDocumentStore(shared, name), reopen: () => new PgDocumentStore(shared, name), cleanup: async () => {} };
});

test('migrations build the schema in an empty database, record each version once, and run again as a no-op, also with three processes starting at once', async () => {
  const pools = await Promise.all([server.database(), server.database()]);
  const [first] = pools;
  const at = await Promise.all([migrate(first!), migrate(first!), migrate(first!)]);
  assert.equal(at.flat(), [1, 2, 3, 4, 5, 6, 7], 'one of the three applied every migration, the others found them done');
  const tables = (await first!.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")).rows.map((r) => r.table_name);
  assert.equal(tables, [
    'documents',
    'hub_bookings',
    'hub_checkins',
    'hub_lapsed_holds',
    'hub_login_failures',
    'hub_no_shows',
    'hub_office_bookings',
    'hub_office_days',
    'hub_office_feed',
    'hub_offices',
    'hub_outbox',
    'hub_rate_limits',
    'hub_spent_proofs',
    'hub_staff',
    'hub_staff_sessions',
    'queue_archive',
    'queue_days',
    'queue_journal',
    'schema_migrations',
  ]);
  assert.equal(await migrate(first!), []);
  assert.equal((await first!.query('SELECT version FROM schema_migrations ORDER BY version')).rows, [
    { version: 1 },
    { version: 2 },
    { version: 3 },
    { version: 4 },
    { version: 5 },
    { version: 6 },
    { version: 7 },
  ]);
});

test("a database at the previous version's schema gets only the newer migration; a failing migration changes nothing and says which", async () => {
  const pool = await server.database();
  const dir = await mkdtemp(join(tmpdir(), 'fronta-migrations-'));
  try {
    await writeFile(join(dir, '001-first.sql'), 'CREATE TABLE things (id int PRIMARY KEY);');
    assert.equal(await migrate(pool, dir), [1]);
    await pool.query('INSERT INTO things VALUES (1)');
    await writeFile(join(dir, '002-second.sql'), 'ALTER TABLE things ADD COLUMN name text NOT NULL DEFAULT $$?$$;');
    assert.equal(await migrate(pool, dir), [2]);
    assert.equal((await pool.query('SELECT id, name FROM things')).rows, [{ id: 1, name: '?' }], 'the data kept');
    await writeFile(join(dir, '003-broken.sql'), 'ALTER TABLE things ADD COLUMN other int; SELECT no_such_function();');
    const failed = await migrate(pool, dir).then(
      () => null,
      (e: Error) => e.message,
    );
    assert.match(String(failed), /migration 003-broken\.sql failed/);
    const columns = (await pool.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'things' ORDER BY column_name")).rows.map((r) => r.column_name);
    assert.equal(columns, ['id', 'name'], 'rolled back whole');
    assert.equal((await pool.query('SELECT max(version) AS v FROM schema_migrations')).rows, [{ v: 2 }]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the queue engine runs a morning on PostgreSQL and a restarted engine continues its numbering from the database', async () => {
  const config = withPublicBase(kostelec(), 'http://localhost:8080');
  const office = fresh();
  const clock = new ManualClock(tuesdayNine);
  let tokens = 0;
  const start = async () => {
    const store = new PgQueueStore(shared, office);
    await store.start();
    const engine = new QueueEngine({ config, clock, store, newToken: () => `token-${++tokens}`.padEnd(22, 'x') });
    await engine.start();
    return engine;
  };
  const press = (engine: QueueEngine, k: number) => engine.kioskRequest('kiosk-hala', { kind: 'walkIn', requestId: `pg-${k}`, pressedAt: clock.now(), serviceId: 'pasy' });
  const first = await start();
  const numbers: string[] = [];
  for (let k = 1; k <= 3; k++) {
    const reply = await press(first, k);
    assert.ok(reply.ok);
    numbers.push(reply.data.ticket.number);
  }
  const second = await start();
  const again = await press(second, 3);
  assert.ok(again.ok);
  assert.is(again.data.ticket.number, numbers[2], "a kiosk's retry gets its own ticket, from the database");
  const next = await press(second, 4);
  assert.ok(next.ok);
  assert.equal([...numbers, next.data.ticket.number], ['C001', 'C002', 'C003', 'C004']);
});

test.run();
