import mqtt from 'mqtt';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HubLink } from '../../broker/hub/hub-link.ts';
import { OfficeUplink } from '../../broker/hub/office-uplink.ts';
import { createLogger } from '../../broker/log.ts';
import { MemoryDocumentStore } from '../../broker/store/document-store.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import { hubReportsTopic } from '../../shared/contract/hub.ts';
import { eventually } from '../support/eventually.ts';
import { startMosquitto } from '../support/mosquitto.ts';
import { startPostgres } from '../support/postgres.ts';

const users = { hub: 'hub-secret', kostelec: 'kostelec-secret', rychnov: 'rychnov-secret' };
// The hub reads every office's check-ins; an office writes only its own (%u: its user name).
const acl = 'user hub\ntopic read fronta-hub/offices/+/reports\n\npattern write fronta-hub/offices/%u/reports\n';
const log = createLogger('hub', () => {});
const checkIn = (k: number) => ({ kind: 'checkIn' as const, bookingId: `booking-${k}`, ticketNumber: `C00${k}`, checkedInAt: 1_795_000_000_000 + k });

test("an office's check-ins reach the hub through Mosquitto while the hub is away, each recorded once even when the office sends it again; another office cannot write on this office's topic", async () => {
  const postgres = await startPostgres();
  const broker = await startMosquitto(users, acl);
  try {
    const pool = await postgres.database();
    await migrate(pool);
    const stored = async () => (await pool.query<{ booking_id: string }>("SELECT booking_id FROM hub_checkins WHERE office_id = 'kostelec' ORDER BY booking_id")).rows.map((r) => r.booking_id);
    const hub = () => new HubLink({ url: broker.url, password: users.hub, pool, log });
    // The hub's persistent session exists; then the hub goes away.
    const first = hub();
    await first.start();
    await first.stop();

    const outbox = new MemoryDocumentStore();
    const office = new OfficeUplink({ url: broker.url, officeId: 'kostelec', password: users.kostelec, store: outbox, log, resyncFrom: () => '2026-11-24' });
    await office.start();
    for (const k of [1, 2, 3]) await office.report(checkIn(k));
    assert.ok(outbox.text?.includes('booking-3'), 'each report durable in the outbox before anything else');
    await eventually("the broker's acknowledgements, with the hub away", () => office.waiting() === 0);
    assert.equal(await stored(), [], 'nothing at the hub yet');
    await office.stop();

    const back = hub();
    await back.start();
    await eventually('the three check-ins at the hub', async () => (await stored()).length === 3);

    // An office that crashed after the broker's acknowledgement, before its outbox was written, sends again.
    const restarted = new OfficeUplink({ url: broker.url, officeId: 'kostelec', password: users.kostelec, store: new MemoryDocumentStore(), log, resyncFrom: () => '2026-11-24' });
    await restarted.start();
    await restarted.report(checkIn(2));
    await restarted.report(checkIn(4));
    await eventually('the fourth check-in', async () => (await stored()).length === 4);
    await eventually('the outbox emptied', () => restarted.waiting() === 0);
    assert.equal(await stored(), ['booking-1', 'booking-2', 'booking-3', 'booking-4'], 'booking-2 once');

    // Rychnov's own credentials on Kostelec's topic: the broker refuses, the hub never hears of it.
    const intruder = await mqtt.connectAsync(broker.url, { clientId: 'office-rychnov', username: 'rychnov', password: users.rychnov, protocolVersion: 5, reconnectPeriod: 0 });
    const refused = await intruder.publishAsync(hubReportsTopic('kostelec'), JSON.stringify(checkIn(9)), { qos: 1 }).then(
      () => null,
      (e: Error) => e.message,
    );
    await intruder.endAsync();
    assert.match(String(refused), /authori[sz]ed/i);
    await restarted.report(checkIn(5));
    await eventually('a later check-in', async () => (await stored()).length === 5);
    assert.not.ok((await stored()).includes('booking-9'));
    await restarted.stop();
    await back.stop();
  } finally {
    await broker.stop();
    await postgres.stop();
  }
});

test.run();
