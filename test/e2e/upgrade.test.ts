import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dataFormat } from '../../broker/data-format.ts';
import { startServerProcess } from '../../scripts/lib/server-process.ts';
import type { KioskReply } from '../../shared/contract/kiosk.ts';
import { eventually } from '../support/eventually.ts';
import { collect, connectAs } from '../support/mqtt-client.ts';
import { staffClient } from '../support/staff-client.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Written by the server of an earlier release (its FIXTURE.md names the commit; scripts/make-upgrade-fixture.ts). */
const fixture = new URL('../fixtures/data-format-0', import.meta.url).pathname;

test("today's server starts on a data directory an earlier release wrote: migrated and recorded, and its day, tickets, staff, bookings, settings and device secrets carry on", async () => {
  const dir = await tempDir();
  await cp(fixture, dir.path, { recursive: true });
  // The clock starts at the fixture's morning again: its anchor would carry on from when the fixture was made.
  await rm(join(dir.path, 'clock-anchor.json'));
  const server = await startServerProcess({
    FRONTA_DATA_DIR: dir.path,
    FRONTA_MQTT_PORT: '0',
    FRONTA_HTTP_PORT: '0',
    FRONTA_START_AT: '2026-11-24T09:00:00+01:00',
    FRONTA_MAIL_OUTBOX: '1',
  });
  // The server's clock started at 09:00 at most this long ago: a press stamped by this reckoning is never in its future.
  const ready = Date.now();
  const serverNow = () => Date.parse('2026-11-24T09:00:00+01:00') + (Date.now() - ready);
  try {
    assert.equal(JSON.parse(await readFile(join(dir.path, 'format.json'), 'utf8')).format, dataFormat, 'the migration is recorded');
    const base = `http://127.0.0.1:${server.httpPort}`;
    const admin = staffClient(base);
    assert.is((await admin.login('reditelka', 'heslo-z-minule-verze')).status, 200, 'the staff accounts and their password hashes');
    const bookings = (await admin.call('GET', '/api/staff/bookings?day=2026-11-25')).body!.bookings as { name: string; status: string }[];
    assert.equal(
      bookings.map((b) => [b.name, b.status]),
      [['Petr Svoboda', 'confirmed']],
    );
    const { config } = (await admin.call('GET', '/api/staff/settings')).body!;
    assert.is(config.workplaces.find((w: { id: string }) => w.id === 'spravni').walkInCapacityPerDay, 77, 'the saved settings');

    const secret = (await readFile(join(dir.path, 'kiosk-hala.secret'), 'utf8')).trim();
    const kiosk = await connectAs({ broker: `mqtt://127.0.0.1:${server.mqttPort}`, deviceId: 'kiosk-hala', secret, hardware: {} });
    const replies = await collect(kiosk, 'fronta/v1/kiosk/kiosk-hala/reply');
    kiosk.publish('fronta/v1/kiosk/kiosk-hala/request', JSON.stringify({ kind: 'walkIn', requestId: 'after-upgrade-1', pressedAt: serverNow(), serviceId: 'pasy' }), { qos: 1 });
    const reply = (await eventually('the kiosk reply', () => replies[0])).payload as KioskReply;
    assert.ok(reply.ok, JSON.stringify(reply));
    assert.is(reply.ok && reply.data.ticket.number, 'C003', "the day's journal replayed: the numbering goes on, no number repeats");
    await kiosk.endAsync();
  } finally {
    await server.stop();
    await dir.remove();
  }
});

test.run();
