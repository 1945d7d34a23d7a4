import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { putOffice } from '../../broker/hub/hub-offices.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import type { ServerProcess } from '../../scripts/lib/server-process.ts';
import { withPublicBase } from '../../shared/config/public-address.ts';
import { bookingClient } from '../support/booking-client.ts';
import { eventually } from '../support/eventually.ts';
import { hubProcessEnv, startHubProcess } from '../support/hub-process.ts';
import { kostelec, tuesdayNine } from '../support/office-fixture.ts';
import { startPostgres } from '../support/postgres.ts';
import { tempDir } from '../support/temp-dir.ts';

const config = withPublicBase(
  kostelec((c) => {
    for (const s of c.services) if (s.booking) s.booking = { ...s.booking, placesPerSlot: 20, onlinePlaces: { mon: 500, tue: 500, wed: 500, thu: 500, fri: 500 } };
    // Nothing lapses during the test (its clock runs 60 times fast); the limits would only get in the way of the load.
    c.booking = {
      holdMinutes: 1440,
      proofOfWork: { minCounter: 50, maxCounter: 200 },
      limits: { placesPerAddressPerDay: 1e6, bookingsPerAddress: 1e6, pendingHoldsPerAddress: 1e6, pendingHoldsPerEmail: 1e6, holdRequestsPerAddress: 1e6 },
    };
  }),
  'http://hub.example/o/kostelec',
);

test('kill -9 of a booking process while holds pour in: every hold answered 201 is stored with its link mail sent, holds go on at the other process, and the mails the killed one had queued are sent by the other after their lease', async () => {
  const postgres = await startPostgres();
  const dir = await tempDir();
  const processes: ServerProcess[] = [];
  try {
    const pool = await postgres.database();
    await migrate(pool);
    await putOffice(pool, 'kostelec', config);
    // One office clock for both, 60 times fast: a mail's two-minute lease is two seconds.
    const env = await hubProcessEnv(postgres, pool, dir.path, { FRONTA_START_AT: new Date(tuesdayNine).toISOString(), FRONTA_CLOCK_RATE: '60', FRONTA_CLOCK_EPOCH_MS: String(Date.now()) });
    const start = () => startHubProcess(env);
    const survivor = await start();
    processes.push(survivor);
    const survivorApi = bookingClient(`http://127.0.0.1:${survivor.httpPort}/o/kostelec`);
    const days = ['2026-11-25', '2026-11-26', '2026-11-27'];
    const slots = (await Promise.all(days.map(async (day) => ((await survivorApi.slots('pasy', day)).body!.slots as { startsAt: number }[]).map((s) => s.startsAt)))).flat();
    const acknowledged: string[] = [];
    let refusedByTheDead = 0;
    let n = 0;
    /** One round: a victim beside the survivor, holds at both in turn (a round-robin balancer), the victim killed mid-load; the orphans it left. */
    const round = async (): Promise<string[]> => {
      const victim = await start();
      processes.push(victim);
      let victimAlive = true;
      let stop = false;
      const victimApi = bookingClient(`http://127.0.0.1:${victim.httpPort}/o/kostelec`);
      const one = async (useVictim: boolean) => {
        const api = useVictim && victimAlive ? victimApi : survivorApi;
        const k = ++n;
        try {
          const answer = await api.hold({ serviceId: 'pasy', startsAt: slots[k % slots.length]!, email: `c${k}@example.cz`, name: `Občan ${k}` });
          if (answer.status === 201) acknowledged.push(answer.body!.holdId as string);
        } catch {
          // The connection refused or cut: the balancer takes the dead process out.
          if (api === victimApi) {
            victimAlive = false;
            refusedByTheDead += 1;
          }
        }
      };
      const load = Promise.all(
        Array.from({ length: 8 }, async (_, w) => {
          for (let turn = w; !stop; turn++) await one(turn % 2 === 0);
        }),
      );
      const reach = (count: number) => eventually(`${count} holds acknowledged`, () => acknowledged.length >= count, 60_000);
      await reach(acknowledged.length + 40);
      victim.child.kill('SIGKILL');
      await new Promise((resolve) => victim.child.once('exit', resolve));
      await reach(acknowledged.length + 40);
      stop = true;
      await load;
      // The survivor sends its own mails before it answers: what is left in the outbox is the victim's.
      return (await pool.query<{ id: string }>('SELECT id FROM hub_outbox')).rows.map((r) => r.id);
    };
    let orphans: string[] = [];
    // A kill falls between a hold's commit and its mail only sometimes: rounds until one did.
    for (let rounds = 0; orphans.length === 0; rounds++) {
      assert.ok(rounds < 10, 'no kill in ten fell between a commit and its mail: the takeover was not exercised');
      orphans = await round();
    }
    assert.ok(refusedByTheDead > 0, 'the kill was felt');

    const outbox = join(dir.path, 'hub-data', 'kostelec', 'outbox');
    // `{booking id}--{time}-{n}.html`; an id may itself end in a dash.
    const mailed = async () => new Set((await readdir(outbox)).flatMap((f) => /^(.+)--\d{4}-\d{2}-\d{2}T.*\.html$/.exec(f)?.[1] ?? []));
    const stored = new Set((await pool.query<{ id: string }>("SELECT id FROM hub_bookings WHERE office_id = 'kostelec'")).rows.map((r) => r.id));
    assert.equal(
      acknowledged.filter((id) => !stored.has(id)),
      [],
      'every acknowledged hold stored',
    );
    const sent = await mailed();
    assert.equal(
      acknowledged.filter((id) => !sent.has(id)),
      [],
      'every acknowledged hold had its link mail before its answer',
    );
    await eventually('the queued mails taken over after their lease', async () => (await pool.query('SELECT 1 FROM hub_outbox')).rowCount === 0, 30_000);
    const afterTakeover = await mailed();
    assert.equal(
      [...stored].filter((id) => !afterTakeover.has(id)),
      [],
      'every stored hold has its link mail, the orphans too',
    );
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await postgres.stop();
    await dir.remove();
  }
});

test.run();
