import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bookingClient, confirmTokenIn } from '../support/booking-client.ts';
import { eventually } from '../support/eventually.ts';
import { kostelec, runOffice } from '../support/office-fixture.ts';
import { calendarOf, smtpInbox } from '../support/smtp-inbox.ts';

/** One place per slot: the last place is the only place. */
const onePlace = kostelec((c) => {
  c.booking = { proofOfWork: { minCounter: 50, maxCounter: 200 } };
  for (const s of c.services) if (s.booking) s.booking.placesPerSlot = 1;
});

async function bookedOffice() {
  const inbox = await smtpInbox();
  const office = await runOffice({ config: onePlace, mailer: inbox.mailer });
  const api = bookingClient(`http://127.0.0.1:${office.server.httpPort}`);
  const slots = (await api.slots('pasy', '2026-11-25')).body!.slots as { startsAt: number; time: string }[];
  await api.hold({ serviceId: 'pasy', startsAt: slots[0]!.startsAt });
  const link = await eventually('the confirmation mail', () => inbox.mails[0]);
  const { code } = (await api.confirm(confirmTokenIn(link.text!))).body!;
  await eventually('the code mail', () => inbox.mails[1]);
  const stop = async () => {
    await office.stop();
    await inbox.stop();
  };
  return { inbox, office, api, slots, code: code as string, stop };
}

const freeAt = async (api: ReturnType<typeof bookingClient>, day: string, startsAt: number) =>
  ((await api.slots('pasy', day)).body!.slots as { startsAt: number }[]).some((s) => s.startsAt === startsAt);

test('a citizen moves the appointment with code and e-mail: the old place is free again, the new one taken, the code kept, the calendar entry updated', async () => {
  const { inbox, api, slots, code, stop } = await bookedOffice();
  try {
    const target = ((await api.slots('pasy', '2026-11-26')).body!.slots as { startsAt: number }[])[2]!.startsAt;
    assert.is((await api.request('POST', '/api/reschedule', { code, email: 'jiny@example.cz', startsAt: target })).body!.error.code, 'notFound', 'a wrong e-mail is an unknown code');
    assert.is((await api.request('POST', '/api/reschedule', { code, email: 'jana@example.cz', startsAt: target + 60_000 })).body!.error.code, 'slotUnavailable', 'only a time the site offers');
    assert.not.ok(await freeAt(api, '2026-11-25', slots[0]!.startsAt), 'the refusals changed nothing');

    const moved = await api.request('POST', '/api/reschedule', { code, email: 'JANA@example.cz', startsAt: target });
    assert.equal([moved.status, moved.body], [200, { serviceId: 'pasy', startsAt: target }]);
    assert.ok(await freeAt(api, '2026-11-25', slots[0]!.startsAt), 'the old place is free');
    assert.not.ok(await freeAt(api, '2026-11-26', target), 'the new one is taken');
    assert.equal((await api.cancelPreview(code, 'jana@example.cz')).body, { serviceId: 'pasy', startsAt: target }, 'the same code');

    const mail = await eventually('the change mail', () => inbox.mails[2]);
    assert.match(mail.subject!, new RegExp(`^Termín změněn: čtvrtek 26\\. listopadu 2026 v \\d+:\\d\\d, kód ${code}$`));
    const before = calendarOf(inbox.mails[1] as never);
    const after = calendarOf(mail as never);
    const uid = (ics: string) => /UID:(.*)/.exec(ics)![1]!.trim();
    assert.is(uid(after), uid(before), 'the same calendar entry');
    assert.match(before, 'SEQUENCE:0');
    assert.match(after, 'SEQUENCE:1');
    assert.match(after, 'METHOD:REQUEST');
  } finally {
    await stop();
  }
});

test('moving into the last place of a slot while another citizen holds it: exactly one gets it, and the loser of the move keeps the old time', async () => {
  // At once (the move usually wins: the hold checks its proof of work first), and the hold a moment ahead.
  for (const [round, order] of (['together', 'together', 'holdFirst'] as const).entries()) {
    const { api, slots, code, stop } = await bookedOffice();
    try {
      const target = slots[1 + round]!.startsAt;
      const proof = await api.proof();
      const hold = () => api.hold({ serviceId: 'pasy', startsAt: target, name: 'Karel Novotný', email: 'karel@example.cz' }, proof);
      const move = () => api.request('POST', '/api/reschedule', { code, email: 'jana@example.cz', startsAt: target });
      const [held, moved] = order === 'together' ? await Promise.all([hold(), move()]) : [await hold(), await move()];
      const winners = [held.status === 201, moved.status === 200].filter(Boolean).length;
      assert.is(winners, 1, `round ${round}: hold ${held.status}, move ${moved.status}`);
      const janaAt = (await api.cancelPreview(code, 'jana@example.cz')).body!.startsAt;
      assert.is(janaAt, moved.status === 200 ? target : slots[0]!.startsAt);
      assert.is(moved.status === 200 ? held.body!.error.code : moved.body!.error.code, 'slotUnavailable');
    } finally {
      await stop();
    }
  }
});

test.run();
