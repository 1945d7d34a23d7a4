import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createLogger } from '../../broker/log.ts';
import { createMailer } from '../../broker/mail/mailer.ts';
import { bookingClient } from '../support/booking-client.ts';
import { kostelec, runOffice } from '../support/office-fixture.ts';
import { tempDir } from '../support/temp-dir.ts';

const dayMs = 86_400_000;

test("the outbox folder's files of a booking go with its personal data: at cancellation all but the cancellation's own, the rest with the record; a lapsed hold's at once", async () => {
  const config = kostelec();
  const dir = await tempDir();
  const outbox = join(dir.path, 'outbox');
  const files = async () => (await readdir(outbox).catch(() => [] as string[])).sort();
  const office = await runOffice({
    config,
    mailer: createMailer(
      config.mail,
      dir.path,
      createLogger('mail', () => {}),
    ),
  });
  try {
    const api = bookingClient(`http://127.0.0.1:${office.server.httpPort}`);
    const tenAm = Date.parse('2026-11-24T10:00:00+01:00');
    assert.is((await api.hold({ serviceId: 'pasy', startsAt: tenAm })).status, 201);
    const booking = office.server.bookings.ledger.bookings()[0]!;
    const [holdHtml] = (await files()).filter((f) => f.endsWith('.html'));
    assert.ok(holdHtml?.startsWith(`${booking.id}--`), 'named by its booking');
    const token = /\/confirm\/([A-Za-z0-9_-]{22})/.exec(await readFile(join(outbox, holdHtml!), 'utf8'))![1]!;
    const code = (await api.confirm(token)).body!.code as string;
    assert.is((await files()).length, 4, 'the link and the code, each as .eml and .html');
    assert.is((await api.cancel(code, 'jana@example.cz')).status, 200);
    const left = await files();
    assert.is(left.length, 2, 'only the cancellation is left');
    assert.match(await readFile(join(outbox, left.find((f) => f.endsWith('.eml'))!), 'utf8'), 'method=CANCEL');

    office.clock.set(tenAm + (config.booking.retentionDays + 1) * dayMs);
    await office.server.bookings.sweep();
    assert.equal(await files(), [], 'the bare record past its retention, and its last mail with it');

    const open = (await api.days('pasy')).body!.days.find((d: { free: number }) => d.free > 0);
    const slot = (await api.slots('pasy', open.day)).body!.slots[0];
    assert.is((await api.hold({ serviceId: 'pasy', startsAt: slot.startsAt })).status, 201);
    assert.is((await files()).length, 2);
    office.clock.advance((config.booking.holdMinutes + 1) * 60_000);
    await office.server.bookings.sweep();
    assert.equal(await files(), [], 'a hold that lapsed, unconfirmed');
  } finally {
    await office.stop();
    await dir.remove();
  }
});

test.run();
