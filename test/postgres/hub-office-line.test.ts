import mqtt from 'mqtt';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BookingJournalEntry } from '../../broker/booking/booking-journal.ts';
import { cryptoDraw } from '../../broker/booking/booking-ledger.ts';
import * as rules from '../../broker/booking/booking-rules.ts';
import type { Booking } from '../../broker/booking/booking-state.ts';
import { staffSlots } from '../../broker/booking/slots.ts';
import { HubBook, type HubOffice } from '../../broker/hub/hub-book.ts';
import { putOffice } from '../../broker/hub/hub-offices.ts';
import { MemoryJournalStore } from '../../broker/store/journal-store.ts';
import type { KeypadKey } from '../../device/drivers/interfaces.ts';
import { bookCallerAtHub } from '../../scripts/lib/hub-caller.ts';
import { officeDay } from '../../shared/calendar/office-calendar.ts';
import { hubBookingsTopic, hubReportsTopic } from '../../shared/contract/hub.ts';
import { bookingClient } from '../support/booking-client.ts';
import { eventually } from '../support/eventually.ts';
import { crossing, hubLineUsers, startHubLine } from '../support/hub-line.ts';
import { kostelec, runOffice, tuesdayNine } from '../support/office-fixture.ts';
import { addAccount, adminToken, staffClient } from '../support/staff-client.ts';
import { wanProxy } from '../support/wan-proxy.ts';

const config = kostelec();
const hubOffice: HubOffice = { id: 'kostelec', config, suspension: null, addressSalt: 'hub' };

test('a code booked at the hub checks in at the office while its line is cut; the check-in reaches the hub once the line is back, once; the office keeps the newest of each booking, whatever comes twice, late or malformed', async () => {
  const hubLine = await startHubLine();
  const { pool } = hubLine;
  const line = await wanProxy(hubLine.brokerUrl);
  const book = new HubBook(pool, cryptoDraw);
  const bookingStore = new MemoryJournalStore<BookingJournalEntry>();
  const office = await runOffice({
    config,
    bookingStore,
    withDevices: true,
    hub: hubLine.office(line.url),
  });
  try {
    const now = () => office.clock.now();
    const day = officeDay(tuesdayNine);
    let slotIndex = 0;
    // Staff at the hub book a caller (confirmed at once, with a code), each into the next of today's times.
    const bookAtHub = async (name: string): Promise<Readonly<Booking>> => {
      const service = config.services.find((s) => s.id === 'pasy')!;
      const { state } = await book.read(hubOffice, { counts: { serviceId: 'pasy', from: day, to: day } }, now());
      const slot = staffSlots(config, state, service, day, now())[slotIndex++]!;
      return bookCallerAtHub(book, hubOffice, { serviceId: 'pasy', startsAt: slot.startsAt, name }, now());
    };
    const cancelAtHub = async (id: string) => {
      const outcome = await book.change(hubOffice, { find: { id } }, now(), (ctx) => ({ ok: true, data: rules.cancel(ctx, ctx.state.bookings.get(id)!) }));
      assert.ok(outcome.ok);
    };
    const copy = (id: string) => office.server.bookings.ledger.bookings().find((b) => b.id === id);
    const checkInsAtHub = async () => (await pool.query<{ booking_id: string; ticket_number: string }>('SELECT booking_id, ticket_number FROM hub_checkins')).rows;

    // The office's own page sends citizens to the hub, and its API takes no hold (the hub counts the places).
    const own = bookingClient(`http://127.0.0.1:${office.server.httpPort}`);
    const info = (await own.request('GET', '/api/office')).body!;
    assert.is(info.bookOnlineAt, 'http://hub.example/o/kostelec');
    assert.ok((info.services as { bookable: boolean }[]).every((s) => !s.bookable));
    const ownHold = await own.hold({ serviceId: 'pasy', startsAt: tuesdayNine + 86_400_000 });
    assert.equal([ownHold.status, ownHold.body!.error.code], [409, 'bookOnlineElsewhere']);

    const marie = await bookAtHub('Marie Svobodová');
    const petr = await bookAtHub('Petr Dvořák');
    await eventually('both bookings copied to the office', () => copy(marie.id)?.code === marie.code && copy(petr.id)?.code === petr.code, crossing);
    assert.is(copy(marie.id)!.person?.name, 'Marie Svobodová');
    assert.is(copy(marie.id)!.person?.email, '', 'no address at the office: the hub mails');

    // The office's disk fails as a copy arrives: not acknowledged, so it comes again once the disk is back.
    bookingStore.failing = true;
    const olga = await bookAtHub('Olga Černá');
    await eventually('the failed copy logged', () => office.logs.some((l) => l.includes('message from the hub not stored')), crossing);
    assert.is(copy(olga.id), undefined);
    bookingStore.failing = false;
    await eventually('the copy, delivered again', () => copy(olga.id)?.code === olga.code, crossing);

    line.cut();
    const jana = await bookAtHub('Jana Malá');
    await cancelAtHub(petr.id);
    // Marie is at the kiosk, the line to the hub down.
    const kiosk = office.sim!.kiosk('kiosk-hala');
    await eventually('the kiosk ready', () => kiosk.lcd.lines[0] === 'Dobrý den,');
    office.clock.set(marie.startsAt - 5 * 60_000);
    kiosk.keypad.type([...marie.code!.split(''), 'enter'] as KeypadKey[]);
    await eventually('her ticket printed', () => kiosk.printer.printed.length === 1);
    const ticket = copy(marie.id)!.ticketNumber!;
    assert.is(copy(marie.id)!.status, 'checkedIn');
    assert.equal(await checkInsAtHub(), [], 'the hub has not heard of it: the line is down');
    assert.is(copy(jana.id), undefined, 'booked during the cut: not at the office yet');
    assert.ok(line.dropped() > 0, 'the cut dropped the office’s connection');

    line.restore();
    await eventually('the check-in at the hub', async () => (await checkInsAtHub()).length === 1, crossing);
    assert.equal(await checkInsAtHub(), [{ booking_id: marie.id, ticket_number: ticket }]);
    const atHub = async (id: string) => (await pool.query<{ status: string }>('SELECT status FROM hub_bookings WHERE id = $1', [id])).rows[0]?.status;
    assert.is(await atHub(marie.id), 'checkedIn', "the hub's booking says so too");
    await eventually('the booking made during the cut, and the cancellation, at the office', () => copy(jana.id)?.code === jana.code && copy(petr.id)?.status === 'cancelled', crossing);
    assert.is(copy(petr.id)!.code, undefined, "a cancelled booking's code checks nothing in");

    // Old and malformed messages, as a broker redelivering or a hub restarted after a publish would send them.
    const stale = (b: Readonly<Booking>, version: number) => ({
      version,
      booking: { id: b.id, serviceId: b.serviceId, workplaceId: b.workplaceId, day: b.day, startsAt: b.startsAt, status: 'confirmed', createdAt: b.createdAt, language: b.language, code: '11111111' },
    });
    const hub = await mqtt.connectAsync(hubLine.brokerUrl, { clientId: 'hub-replay', username: 'hub', password: hubLineUsers.hub, protocolVersion: 5, reconnectPeriod: 0 });
    const topic = hubBookingsTopic('kostelec');
    await hub.publishAsync(topic, JSON.stringify(stale(petr, copy(petr.id)!.hubVersion! - 1)), { qos: 1 });
    await hub.publishAsync(topic, JSON.stringify(stale(jana, copy(jana.id)!.hubVersion!)), { qos: 1 });
    await hub.publishAsync(topic, '{"version": "two"}', { qos: 1 });
    await hub.publishAsync(topic, 'not json', { qos: 1 });
    // Marie's booking changed at the hub after her check-in here (staff cancelled it there too late): the office's record wins.
    await hub.publishAsync(topic, JSON.stringify({ ...stale(marie, copy(marie.id)!.hubVersion! + 1_000), booking: { ...stale(marie, 0).booking, status: 'cancelled' } }), { qos: 1 });
    await hub.endAsync();
    const last = await bookAtHub('Karel Novotný');
    await eventually('a booking made after them at the office', () => copy(last.id)?.code === last.code, crossing);
    assert.is(copy(petr.id)!.status, 'cancelled', 'an older version of a cancelled booking does not bring it back');
    assert.is(copy(jana.id)!.code, jana.code, 'the same version again changes nothing');
    assert.equal([copy(marie.id)!.status, copy(marie.id)!.ticketNumber], ['checkedIn', ticket], 'checked in here stays checked in');
    assert.ok(
      office.logs.some((l) => l.includes('invalid booking from the hub')),
      'the malformed ones logged',
    );
    assert.equal(await checkInsAtHub(), [{ booking_id: marie.id, ticket_number: ticket }], 'still once');

    // The next morning: Olga, Jana and Karel never came (no-shows), and Tuesday's statistics are recorded.
    office.clock.set(Date.parse('2026-11-25T08:00:00+01:00'));
    await office.server.bookings.sweep();
    const noShows = async () => (await pool.query<{ booking_id: string }>('SELECT booking_id FROM hub_no_shows ORDER BY booking_id')).rows.map((r) => r.booking_id);
    await eventually('the no-shows at the hub', async () => (await noShows()).length === 3, crossing);
    assert.equal(await noShows(), [olga.id, jana.id, last.id].sort());
    assert.equal([await atHub(olga.id), await atHub(jana.id), await atHub(last.id)], ['lapsed', 'lapsed', 'lapsed']);
    await office.server.engine.kioskRequest('kiosk-hala', { kind: 'walkIn', requestId: 'wednesday-first', pressedAt: office.clock.now(), serviceId: 'pasy' });
    const dayAtHub = async () =>
      (await pool.query<{ cells: Record<string, { bookingsKept: number; bookingsLapsed: number }> }>("SELECT cells FROM hub_office_days WHERE day = '2026-11-24'")).rows[0]?.cells;
    const tuesday = await eventually("Tuesday's statistics at the hub", dayAtHub, crossing);
    const sum = (field: 'bookingsKept' | 'bookingsLapsed') => Object.values(tuesday).reduce((n, cell) => n + cell[field], 0);
    assert.equal([sum('bookingsKept'), sum('bookingsLapsed')], [1, 3], "the office's own figures: Marie kept hers, three lapsed");
    await office.server.bookings.sweep();
    assert.equal(await noShows(), [olga.id, jana.id, last.id].sort(), 'each reported once');
  } finally {
    await office.stop();
    await line.stop();
    await hubLine.stop();
  }
});

test("the office's staff cancel a booking made at the hub while the line is cut: cancelled at the office at once, at the hub once the line is back, with the client's mail queued there once, however often the report comes", async () => {
  const hubLine = await startHubLine();
  const { pool } = hubLine;
  const line = await wanProxy(hubLine.brokerUrl);
  const book = new HubBook(pool, cryptoDraw);
  await putOffice(pool, 'kostelec', config);
  const office = await runOffice({ config, adminToken, hub: hubLine.office(line.url) });
  try {
    const now = () => office.clock.now();
    const day = officeDay(tuesdayNine);
    const { state } = await book.read(hubOffice, { counts: { serviceId: 'pasy', from: day, to: day } }, now());
    const slot = staffSlots(config, state, config.services.find((s) => s.id === 'pasy')!, day, now()).at(-1)!;
    const eva = await bookCallerAtHub(book, hubOffice, { serviceId: 'pasy', startsAt: slot.startsAt, name: 'Eva Horáková', email: 'eva@example.cz' }, now());
    const copy = () => office.server.bookings.ledger.bookings().find((b) => b.id === eva.id);
    await eventually('the booking copied to the office', () => copy()?.code === eva.code, crossing);
    const firstVersion = copy()!.hubVersion!;
    const atHub = async () =>
      (await pool.query<{ status: string; cancelled_at: string | null }>("SELECT status, record->>'cancelledAt' AS cancelled_at FROM hub_bookings WHERE id = $1", [eva.id])).rows[0]!;
    const mailsAtHub = async () => (await pool.query<{ to: string }>("SELECT queued->'message'->>'to' AS to FROM hub_outbox")).rows.map((r) => r.to);

    line.cut();
    await addAccount(`http://127.0.0.1:${office.server.httpPort}`, 'jana', 'clerk');
    const clerk = staffClient(`http://127.0.0.1:${office.server.httpPort}`);
    await clerk.login('jana');
    const mailsBefore = office.server.bookings.ledger.queuedMails().length;
    // The crisis switch is at the hub, where citizens book this office: here it would stop nothing.
    await addAccount(`http://127.0.0.1:${office.server.httpPort}`, 'vedouci', 'admin');
    const admin = staffClient(`http://127.0.0.1:${office.server.httpPort}`);
    await admin.login('vedouci');
    const crisis = await admin.call('PUT', '/api/staff/suspension', { workplaceIds: null, notice: { cs: 'Zavřeno', en: 'Closed' }, cancelExisting: true });
    assert.equal([crisis.status, crisis.body!.error.code, crisis.body!.error.detail], [409, 'suspensionAtHub', 'http://hub.example/o/kostelec/staff']);
    assert.is(copy()!.status, 'confirmed', 'nothing cancelled behind the hub');

    assert.is((await clerk.call('POST', `/api/staff/bookings/${eva.id}/cancel`, { notify: true })).status, 204);
    assert.is(copy()!.status, 'cancelled', 'cancelled at the office at once');
    assert.is(office.server.bookings.ledger.queuedMails().length, mailsBefore, 'the office has no address to mail: the hub does');
    await office.server.bookings.sweep();
    assert.is((await atHub()).status, 'confirmed', 'the hub has not heard of it: the line is down');

    line.restore();
    await eventually('cancelled at the hub', async () => (await atHub()).status === 'cancelled', crossing);
    assert.is(Number((await atHub()).cancelled_at), copy()!.cancelledAt, "at the office's time");
    assert.equal(await mailsAtHub(), ['eva@example.cz'], "the client's mail queued at the hub");
    await eventually("the hub's cancelled copy back at the office", () => copy()!.hubVersion! > firstVersion && copy()!.status === 'cancelled', crossing);

    // The report again, as an office restarted before it marked it reported would send it.
    const again = await mqtt.connectAsync(hubLine.brokerUrl, { clientId: 'kostelec-replay', username: 'kostelec', password: hubLineUsers.kostelec, protocolVersion: 5, reconnectPeriod: 0 });
    await again.publishAsync(hubReportsTopic('kostelec'), JSON.stringify({ kind: 'cancelled', bookingId: eva.id, cancelledAt: now(), notify: true }), { qos: 1 });
    await again.endAsync();
    await office.server.bookings.sweep();
    const later = await bookCallerAtHub(book, hubOffice, { serviceId: 'pasy', startsAt: slot.startsAt, name: 'Karel Novotný' }, now());
    await eventually('a booking made after the replay, at the office', () => office.server.bookings.ledger.bookings().some((b) => b.id === later.id), crossing);
    assert.equal(await mailsAtHub(), ['eva@example.cz'], 'still one mail');
    assert.is(Number((await atHub()).cancelled_at), copy()!.cancelledAt, 'cancelled once');
  } finally {
    await office.stop();
    await line.stop();
    await hubLine.stop();
  }
});

test.run();
