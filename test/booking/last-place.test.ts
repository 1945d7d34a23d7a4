import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bookingClient, confirmTokenIn } from '../support/booking-client.ts';
import { eventually } from '../support/eventually.ts';
import { kostelec, runOffice } from '../support/office-fixture.ts';
import { smtpInbox } from '../support/smtp-inbox.ts';

/** Generous per-address limits: every request here comes from 127.0.0.1, as a crowd behind one NAT would. */
const crowd = kostelec((c) => {
  c.booking = {
    proofOfWork: { minCounter: 20, maxCounter: 60 },
    limits: { pendingHoldsPerAddress: 10_000, bookingsPerAddress: 10_000, placesPerAddressPerDay: 10_000, holdRequestsPerAddress: 10_000 },
  };
});

test('many concurrent holds on the last place: exactly one wins, every round', async () => {
  const inbox = await smtpInbox();
  const office = await runOffice({ config: crowd, mailer: inbox.mailer });
  const api = bookingClient(`http://127.0.0.1:${office.server.httpPort}`);
  try {
    // Wednesday has 8 online passport places; each round takes one, so every round races for a different slot.
    for (let round = 0; round < 5; round++) {
      const slot = (await api.slots('pasy', '2026-11-25')).body!.slots[0];
      const proofs = await Promise.all(Array.from({ length: 30 }, () => api.proof()));
      const replies = await Promise.all(proofs.map((proof, k) => api.hold({ serviceId: 'pasy', startsAt: slot.startsAt, email: `r${round}c${k}@example.cz` }, proof)));
      const won = replies.filter((r) => r.status === 201);
      assert.is(won.length, 1, `round ${round}: ${replies.map((r) => r.status).join(',')}`);
      assert.ok(replies.filter((r) => r.status !== 201).every((r) => r.body!.error.code === 'slotUnavailable'));
    }
    await eventually('five hold mails', () => inbox.mails.length === 5);
  } finally {
    await office.stop();
    await inbox.stop();
  }
});

test('many concurrent confirms of one link: one booking, one code, one e-mail', async () => {
  const inbox = await smtpInbox();
  const office = await runOffice({ config: crowd, mailer: inbox.mailer });
  const api = bookingClient(`http://127.0.0.1:${office.server.httpPort}`);
  try {
    const slot = (await api.slots('pasy', '2026-11-25')).body!.slots[0];
    await api.hold({ serviceId: 'pasy', startsAt: slot.startsAt });
    const token = confirmTokenIn((await eventually('the hold mail', () => inbox.mails[0])).text!);
    const replies = await Promise.all(Array.from({ length: 25 }, () => api.confirm(token)));
    assert.ok(replies.every((r) => r.status === 200));
    assert.is(new Set(replies.map((r) => r.body!.code)).size, 1);
    assert.is(replies.filter((r) => !r.body!.alreadyConfirmed).length, 1);
    await eventually('the code mail', () => inbox.mails.length >= 2);
    await new Promise((r) => setTimeout(r, 200));
    assert.is(inbox.mails.length, 2);
    assert.is(office.server.bookings.ledger.bookings().filter((b) => b.status === 'confirmed').length, 1);
  } finally {
    await office.stop();
    await inbox.stop();
  }
});

test.run();
