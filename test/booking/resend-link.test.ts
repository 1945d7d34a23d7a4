import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { maxLinkResends } from '../../shared/contract/booking-api.ts';
import { bookingClient, confirmTokenIn } from '../support/booking-client.ts';
import { eventually } from '../support/eventually.ts';
import { kostelecEasyProof, runOffice } from '../support/office-fixture.ts';
import { smtpInbox } from '../support/smtp-inbox.ts';

test('"Nepřišel e-mail?" sends the same link to the same address a few times while the hold lives, then no more; a confirmed or unknown hold gets none', async () => {
  const inbox = await smtpInbox();
  const office = await runOffice({ config: kostelecEasyProof(), mailer: inbox.mailer });
  try {
    const api = bookingClient(`http://127.0.0.1:${office.server.httpPort}`);
    const slot = (await api.slots('pasy', '2026-11-25')).body!.slots[0];
    const held = (await api.hold({ serviceId: 'pasy', startsAt: slot.startsAt, email: 'Jana.Novakova@example.cz' })).body!;
    assert.is(held.sentTo, 'Jana.Novakova@example.cz', 'the address as typed, shown back');
    const first = await eventually('the link', () => inbox.mails[0]);
    for (let k = 1; k <= maxLinkResends; k++) {
      const resent = await api.request('POST', `/api/holds/${held.holdId}/resend`);
      assert.equal([resent.status, resent.body], [200, { sentTo: 'Jana.Novakova@example.cz', resendsLeft: maxLinkResends - k }]);
      const mail = await eventually(`resend ${k}`, () => inbox.mails[k]);
      assert.is(confirmTokenIn(mail.text!), confirmTokenIn(first.text!), 'the same link');
    }
    const more = await api.request('POST', `/api/holds/${held.holdId}/resend`);
    assert.equal([more.status, more.body!.error.code], [429, 'rateLimited']);
    assert.is((await api.request('POST', '/api/holds/no-such-hold-id/resend')).body!.error.code, 'unknownLink');

    const otherSlot = (await api.slots('pasy', '2026-11-25')).body!.slots[1];
    const other = (await api.hold({ serviceId: 'pasy', startsAt: otherSlot.startsAt, email: 'petr@example.cz', name: 'Petr Novák' })).body!;
    assert.ok(other.holdId, JSON.stringify(other));
    const link = await eventually('the other link', () => inbox.mails[maxLinkResends + 1]);
    await api.confirm(confirmTokenIn(link.text!));
    assert.is((await api.request('POST', `/api/holds/${other.holdId}/resend`)).body!.error.code, 'unknownLink', 'a confirmed booking is no hold any more');
    office.clock.advance(16 * 60_000);
    const late = (await api.request('POST', `/api/holds/${held.holdId}/resend`)).body!.error.code;
    assert.ok(['holdExpired', 'unknownLink'].includes(late), late);
  } finally {
    await office.stop();
    await inbox.stop();
  }
});

test.run();
