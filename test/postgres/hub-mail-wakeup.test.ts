import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cryptoDraw } from '../../broker/booking/booking-ledger.ts';
import { staffSlots } from '../../broker/booking/slots.ts';
import { HubBook, type HubOffice } from '../../broker/hub/hub-book.ts';
import { putOffice } from '../../broker/hub/hub-offices.ts';
import { sweepLock } from '../../broker/hub/hub-site.ts';
import { cancelFromOffice } from '../../broker/hub/office-cancellation.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import { bookCallerAtHub } from '../../scripts/lib/hub-caller.ts';
import { officeDay } from '../../shared/calendar/office-calendar.ts';
import { withPublicBase } from '../../shared/config/public-address.ts';
import { eventually } from '../support/eventually.ts';
import { hubMail, hubProcessEnv, startHubProcess } from '../support/hub-process.ts';
import { kostelec, tuesdayNine } from '../support/office-fixture.ts';
import { startPostgres } from '../support/postgres.ts';
import { tempDir } from '../support/temp-dir.ts';

const config = withPublicBase(kostelec(), 'http://hub.example/o/kostelec');
const hubOffice: HubOffice = { id: 'kostelec', config, suspension: null, addressSalt: 'hub' };

test("the client's mail of an office's cancellation goes out at once, not at a sweep, and still after the booking process's wake-up connection was cut", async () => {
  const postgres = await startPostgres();
  const dir = await tempDir();
  const pool = await postgres.database();
  // The test holds the sweep's lock, so no booking process sweeps: a mail sent is one it was told of.
  const sweeper = await pool.connect();
  const hub = { stop: async () => {} };
  try {
    await migrate(pool);
    await putOffice(pool, 'kostelec', config);
    await sweeper.query('SELECT pg_advisory_lock($1)', [sweepLock]);
    Object.assign(hub, await startHubProcess(await hubProcessEnv(postgres, pool, dir.path, { FRONTA_CLOCK_OFFSET_MS: String(tuesdayNine - Date.now()) })));
    const book = new HubBook(pool, cryptoDraw);
    const day = officeDay(tuesdayNine);
    const { state } = await book.read(hubOffice, { counts: { serviceId: 'pasy', from: day, to: day } }, tuesdayNine);
    const [first, second] = staffSlots(config, state, config.services.find((s) => s.id === 'pasy')!, day, tuesdayNine).slice(-2);
    const listeners = async () => (await pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE query = 'LISTEN fronta_hub_mail'")).rows.map((r) => r.pid);
    const cancelledAtOffice = async (startsAt: number, name: string, email: string) => {
      const booking = await bookCallerAtHub(book, hubOffice, { serviceId: 'pasy', startsAt, name, email }, tuesdayNine);
      // As the hub's link applies the office's report.
      await cancelFromOffice(pool, 'kostelec', { kind: 'cancelled', bookingId: booking.id, cancelledAt: tuesdayNine, notify: true });
      return booking.id;
    };

    const [ear] = await eventually('the booking process listening', async () => (await listeners()).length === 1 && listeners(), 30_000);
    const eva = await cancelledAtOffice(first!.startsAt, 'Eva Horáková', 'eva@example.cz');
    assert.match(await hubMail(dir.path, 'kostelec', eva), /zrušen/i);

    await pool.query('SELECT pg_terminate_backend($1)', [ear]);
    await eventually('listening again, on a new connection', async () => (await listeners()).some((pid) => pid !== ear), 30_000);
    const karel = await cancelledAtOffice(second!.startsAt, 'Karel Novotný', 'karel@example.cz');
    assert.match(await hubMail(dir.path, 'kostelec', karel), /zrušen/i);
    await eventually('nothing left queued', async () => (await pool.query('SELECT id FROM hub_outbox')).rows.length === 0, 20_000);
  } finally {
    sweeper.release();
    await hub.stop();
    await postgres.stop();
    await dir.remove();
  }
});

test.run();
