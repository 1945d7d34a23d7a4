import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bookingClient } from '../support/booking-client.ts';
import { eventually } from '../support/eventually.ts';
import { kostelec, type RunningOffice, runOffice } from '../support/office-fixture.ts';
import { calendarOf, type SmtpInbox, smtpInbox } from '../support/smtp-inbox.ts';
import { addAccount, adminToken, staffClient } from '../support/staff-client.ts';

// Tuesday 24 November 2026, 09:00: passports (pasy) have one place per 15-minute slot.
let office: RunningOffice;
let inbox: SmtpInbox;
let base: string;
let clerk: ReturnType<typeof staffClient>;
test.before(async () => {
  inbox = await smtpInbox();
  office = await runOffice({ adminToken, mailer: inbox.mailer, config: kostelec((c) => (c.booking = { ...c.booking, minLeadMinutes: 60 })) });
  base = `http://127.0.0.1:${office.server.httpPort}`;
  await addAccount(base, 'novak', 'clerk', 'Petr Novák');
  await addAccount(base, 'reditelka', 'admin');
  clerk = staffClient(base);
  await clerk.login('novak');
});
test.after(async () => {
  await office.stop();
  await inbox.stop();
});

const caller = { serviceId: 'pasy', name: 'Marie Svobodová', phone: '+420 777 123 456', language: 'cs' as const };

test('a clerk books a caller into a free slot, also within the online lead time and while online booking is off; the code is e-mailed', async () => {
  const admin = staffClient(base);
  await admin.login('reditelka');
  assert.is((await admin.call('PUT', '/api/staff/suspension', { workplaceIds: null, notice: { cs: 'Objednávání je mimo provoz.', en: 'Booking is off.' } })).status, 200);
  assert.is((await bookingClient(base).days('pasy')).status, 503, 'the public cannot book');
  const slots = await clerk.call('GET', '/api/staff/services/pasy/slots?day=2026-11-24');
  assert.is(slots.status, 200);
  const first = slots.body!.slots[0];
  assert.is(first.time, '9:15', 'the next slot, sooner than the online lead of 60 minutes');
  const booked = await clerk.call('POST', '/api/staff/bookings', { ...caller, startsAt: first.startsAt, email: 'marie@example.cz' });
  assert.is(booked.status, 201);
  assert.equal(
    { status: booked.body!.status, time: booked.body!.time, name: booked.body!.name, bookedBy: booked.body!.bookedBy },
    { status: 'confirmed', time: '9:15', name: 'Marie Svobodová', bookedBy: 'novak' },
  );
  assert.match(booked.body!.code, /^\d{8}$/);
  const mail = await eventually('the code mail', () => inbox.mails.find((m) => m.text?.includes(booked.body!.code)));
  assert.match(calendarOf(mail), /METHOD:REQUEST/);
  const again = await clerk.call('POST', '/api/staff/bookings', { ...caller, startsAt: first.startsAt });
  assert.equal([again.status, again.body!.error.code], [409, 'slotUnavailable']);
  await admin.call('DELETE', '/api/staff/suspension');
});

test('a caller without an e-mail is booked all the same, and nothing is mailed', async () => {
  const slots = await clerk.call('GET', '/api/staff/services/pasy/slots?day=2026-11-25');
  const mailsBefore = inbox.mails.length;
  const booked = await clerk.call('POST', '/api/staff/bookings', { ...caller, startsAt: slots.body!.slots[0].startsAt });
  assert.is(booked.status, 201);
  assert.is(booked.body!.email, null);
  await new Promise((r) => setTimeout(r, 200));
  assert.is(inbox.mails.length, mailsBefore);
});

test('bad bodies are refused with the reason and book nothing', async () => {
  const before = (await clerk.call('GET', '/api/staff/bookings?day=2026-11-26')).body!.bookings.length;
  for (const body of [
    {},
    { ...caller, startsAt: 'soon' },
    { ...caller, startsAt: Date.parse('2026-11-26T09:00:00+01:00'), email: 'not-an-address' },
    { ...caller, startsAt: Date.parse('2026-11-26T09:07:00+01:00') },
  ]) {
    const answer = await clerk.call('POST', '/api/staff/bookings', body);
    assert.ok(answer.status === 400 || answer.status === 409, JSON.stringify(answer.body));
  }
  assert.is((await clerk.call('GET', '/api/staff/bookings?day=2026-11-26')).body!.bookings.length, before);
  assert.is((await clerk.call('GET', '/api/staff/bookings?day=26.11.2026')).status, 400);
});

test("cancelling a booking frees its place and e-mails the client the .ics cancellation; the day's list shows it cancelled", async () => {
  const day = '2026-11-27';
  const slot = (await clerk.call('GET', `/api/staff/services/pasy/slots?day=${day}`)).body!.slots[0];
  const booked = await clerk.call('POST', '/api/staff/bookings', { ...caller, startsAt: slot.startsAt, email: 'marie@example.cz' });
  const free = async () => (await clerk.call('GET', `/api/staff/services/pasy/slots?day=${day}`)).body!.slots.some((s: { startsAt: number }) => s.startsAt === slot.startsAt);
  assert.not.ok(await free());
  assert.is((await clerk.call('POST', `/api/staff/bookings/${booked.body!.id}/cancel`, { notify: true })).status, 204);
  assert.ok(await free());
  const mail = await eventually('the cancellation mail', () => inbox.mails.find((m) => calendarOf(m).includes('METHOD:CANCEL')));
  assert.match(mail.subject!, /zrušen/i);
  assert.match(calendarOf(mail), /SEQUENCE:1/);
  const list = (await clerk.call('GET', `/api/staff/bookings?day=${day}`)).body!.bookings;
  assert.equal(
    list.map((b: { status: string; name: string | null }) => [b.status, b.name]),
    [['cancelled', null]],
  );
  assert.is((await clerk.call('POST', `/api/staff/bookings/${booked.body!.id}/cancel`, { notify: true })).status, 404, 'only once');
});

test("a day's bookings export as CSV that Excel reads: BOM, semicolons, Czech letters, and a name cannot become a formula", async () => {
  const day = '2026-11-30';
  const slot = (await clerk.call('GET', `/api/staff/services/pasy/slots?day=${day}`)).body!.slots[0];
  await clerk.call('POST', '/api/staff/bookings', { ...caller, startsAt: slot.startsAt, name: '=HYPERLINK("x";"Žluťoučký kůň")' });
  const response = await fetch(`${base}/api/staff/bookings.csv?day=${day}`, { headers: { cookie: clerk.cookie } });
  assert.is(response.status, 200);
  assert.match(response.headers.get('content-type')!, 'text/csv; charset=utf-8');
  const bytes = Buffer.from(await response.arrayBuffer());
  assert.equal([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const [header, row] = bytes.subarray(3).toString('utf8').split('\r\n');
  assert.is(header, 'čas;služba;stav;jméno;e-mail;telefon;kód;lístek;objednal(a)');
  assert.match(row!, /^8:00;Cestovní doklady;confirmed;"'=HYPERLINK\(""x"";""Žluťoučký kůň""\)";;'\+420 777 123 456;\d{8};;novak$/);
});

test.run();
