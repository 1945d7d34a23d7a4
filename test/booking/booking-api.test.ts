import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bookingClient, confirmTokenIn } from '../support/booking-client.ts';
import { eventually } from '../support/eventually.ts';
import { kostelecEasyProof, runOffice } from '../support/office-fixture.ts';
import { calendarOf, smtpInbox } from '../support/smtp-inbox.ts';
import { tempDir } from '../support/temp-dir.ts';

const easyProof = kostelecEasyProof();

async function office() {
  const inbox = await smtpInbox();
  const running = await runOffice({ config: easyProof, mailer: inbox.mailer });
  const api = bookingClient(`http://127.0.0.1:${running.server.httpPort}`);
  const stop = async () => {
    await running.stop();
    await inbox.stop();
  };
  return { inbox, running, api, stop };
}

test("every answer, page or API, carries helmet's security headers: a content security policy of the site's own sources, no sniffing, no framing", async () => {
  const { running, stop } = await office();
  try {
    for (const path of ['/', '/api/office', '/api/services/pasy/days']) {
      const headers = (await fetch(`http://127.0.0.1:${running.server.httpPort}${path}`)).headers;
      assert.match(headers.get('content-security-policy') ?? '', /default-src 'self';.*script-src 'self'/, path);
      assert.not.match(headers.get('content-security-policy') ?? '', 'upgrade-insecure-requests', path);
      assert.is(headers.get('x-content-type-options'), 'nosniff', path);
      assert.is(headers.get('x-frame-options'), 'SAMEORIGIN', path);
    }
  } finally {
    await stop();
  }
});

test('book, confirm from the e-mailed page, and cancel: each step mails the citizen with the right parts', async () => {
  const { inbox, api, running, stop } = await office();
  try {
    const slot = (await api.slots('pasy', '2026-11-25')).body!.slots[0];
    assert.is(slot.time, '8:00');
    const held = await api.hold({ serviceId: 'pasy', startsAt: slot.startsAt });
    assert.is(held.status, 201, JSON.stringify(held.body));

    const first = await eventually('the confirmation mail', () => inbox.mails[0]);
    assert.is(first.to && 'text' in first.to ? first.to.text : '', 'jana@example.cz');
    assert.match(first.subject!, /^Potvrďte rezervaci: Cestovní doklady, středa 25\. listopadu 2026 v 8:00$/);
    assert.ok(first.html && first.text, 'both an HTML and a text part');
    const token = confirmTokenIn(first.text!);
    assert.match(first.html as string, new RegExp(`href="http://localhost:${running.server.httpPort}/confirm/${token}\\?lang=cs"`));

    // Mail scanners fetch the link with GET and HEAD, repeatedly: nothing changes.
    for (let k = 0; k < 3; k++) assert.is((await api.summary(token)).body!.state, 'held');
    assert.is((await api.request('HEAD', `/api/confirmations/${token}`)).status, 200);
    assert.is(inbox.mails.length, 1);

    const [a, b] = await Promise.all([api.confirm(token), api.confirm(token)]);
    assert.is(a.status, 200);
    assert.is(b.status, 200);
    assert.is(a.body!.code, b.body!.code, 'two confirms give one code');
    assert.is([a.body!.alreadyConfirmed, b.body!.alreadyConfirmed].sort().join(), 'false,true');
    const code = a.body!.code as string;
    assert.match(code, /^\d{8}$/);
    const codeMail = await eventually('the code mail', () => inbox.mails[1]);
    await new Promise((r) => setTimeout(r, 100));
    assert.is(inbox.mails.length, 2, 'one e-mail for two confirms');
    assert.is(codeMail.subject, `Rezervace potvrzena: kód ${code}`);
    assert.match(codeMail.text!, /Na tiskárně lístků \(Vstupní hala u hlavních dveří\) zvolte „Klienti objednaní online“/, 'passports are checked in at the entrance hall kiosk');
    assert.match(codeMail.text!, /At the ticket printer \(Entrance hall by the front door\) choose/);
    assert.match(codeMail.text!, /od 15 minut před sjednaným časem do 15 minut po něm/);
    const invitation = calendarOf(codeMail);
    assert.match(invitation, /METHOD:REQUEST/);
    assert.match(invitation, /DTSTART:20261125T070000Z/, 'booked 8:00 Prague time is 07:00 UTC');
    assert.match(invitation, /SEQUENCE:0/);
    const uid = /UID:(.+)\r\n/.exec(invitation)![1];

    // A wrong e-mail is answered exactly like an unknown code.
    const wrongEmail = await api.cancelPreview(code, 'someone@example.cz');
    const unknownCode = await api.cancelPreview(code === '00000000' ? '00000001' : '00000000', 'jana@example.cz');
    assert.equal([wrongEmail.status, wrongEmail.body], [unknownCode.status, unknownCode.body]);
    assert.is(wrongEmail.status, 404);

    const preview = await api.cancelPreview(code, ' Jana@Example.cz ');
    assert.is(preview.status, 200);
    assert.is(preview.body!.startsAt, slot.startsAt);
    assert.is((await api.cancel(code, 'jana@example.cz')).status, 200);
    const cancelled = await eventually('the cancellation mail', () => inbox.mails[2]);
    const cancellation = calendarOf(cancelled);
    assert.match(cancellation, /METHOD:CANCEL/);
    assert.match(cancellation, /SEQUENCE:1/);
    assert.is(/UID:(.+)\r\n/.exec(cancellation)![1], uid);
    assert.is((await api.cancel(code, 'jana@example.cz')).status, 404, 'a cancelled booking is gone');
    const again = (await api.slots('pasy', '2026-11-25')).body!.slots[0];
    assert.is(again.startsAt, slot.startsAt, 'the place is back in the online pool');
  } finally {
    await stop();
  }
});

test('the page is revalidated on every visit, so after an update it names the new assets; an old asset is a 404; API answers are never cached', async () => {
  const { running, stop } = await office();
  try {
    const base = `http://127.0.0.1:${running.server.httpPort}`;
    for (const path of ['/', '/staff', '/confirm/AAAAAAAAAAAAAAAAAAAAAA']) assert.is((await fetch(`${base}${path}`)).headers.get('cache-control'), 'no-cache', path);
    for (const path of ['/api/office', '/api/status', '/api/nothing', '/health']) assert.is((await fetch(`${base}${path}`)).headers.get('cache-control'), 'no-store', path);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await (await fetch(`${base}/`)).text())![1]!;
    assert.is((await fetch(`${base}${script}`)).headers.get('content-type'), 'application/javascript; charset=utf-8');
    const gone = await fetch(`${base}/assets/index-replacedByAnUpdate.js`);
    assert.is(gone.status, 404, 'not the page in place of a script');
  } finally {
    await stop();
  }
});

test('a confirmation after the hold lapsed fails clearly, before the sweeper has run and after it; HEAD answers the page as GET does', async () => {
  const { running, api, inbox, stop } = await office();
  try {
    const slot = (await api.slots('pasy', '2026-11-25')).body!.slots[0];
    await api.hold({ serviceId: 'pasy', startsAt: slot.startsAt });
    const token = confirmTokenIn((await eventually('the mail', () => inbox.mails[0])).text!);
    running.clock.advance(15 * 60_000);
    assert.is((await api.summary(token)).body!.state, 'expired');
    const late = await api.confirm(token);
    assert.is(late.status, 410);
    assert.is(late.body!.error.code, 'holdExpired');
    assert.is((await api.slots('pasy', '2026-11-25')).body!.slots[0].startsAt, slot.startsAt, 'the lapsed hold gave its place back');
    await running.server.bookings.sweep();
    assert.is((await api.summary(token)).body!.state, 'expired', 'swept, the link still says the time ran out');
    assert.equal([(await api.confirm(token)).status, (await api.confirm(token)).body!.error.code], [410, 'holdExpired']);
    for (const page of [`/confirm/${token}`, '/status', '/']) {
      const [get, head] = await Promise.all(['GET', 'HEAD'].map((method) => fetch(`http://127.0.0.1:${running.server.httpPort}${page}`, { method })));
      assert.equal([head!.status, head!.headers.get('content-type')], [200, get!.headers.get('content-type')], page);
      assert.is(get!.status, 200);
    }
  } finally {
    await stop();
  }
});

test('bad bodies get a clear 400 naming the field, and change nothing', async () => {
  const { api, inbox, stop } = await office();
  try {
    const slot = (await api.slots('pasy', '2026-11-25')).body!.slots[0];
    const before = await api.days('pasy');
    const bad = await api.request('POST', '/api/holds', { serviceId: 'pasy', startsAt: slot.startsAt, name: 'J', email: 'not-mail', consent: false, language: 'cs', proof: await api.proof() });
    assert.is(bad.status, 400);
    assert.is(bad.body!.error.code, 'invalidRequest');
    assert.match(bad.body!.error.detail, /name/);
    assert.match(bad.body!.error.detail, /email/);
    assert.match(bad.body!.error.detail, /consent/);
    const injected = await api.hold({ serviceId: 'pasy', startsAt: slot.startsAt, name: 'Jana\r\nDESCRIPTION:Zaplaťte předem' });
    assert.equal([injected.status, injected.body!.error.code], [400, 'invalidRequest'], 'a name with a line break');
    assert.match(injected.body!.error.detail, /name: control characters/);
    const notJson = await api.request('POST', '/api/holds', '{"serviceId":', { 'content-type': 'application/json' });
    assert.is(notJson.status, 400);
    assert.is(notJson.body!.error.code, 'invalidRequest');
    const huge = await api.request('POST', '/api/holds', { name: 'x'.repeat(20_000) });
    assert.is(huge.status, 413, 'a body over 16 KiB is refused unread');
    assert.is(huge.body!.error.code, 'invalidRequest');
    assert.is((await api.request('GET', '/api/services/pasy/days/tomorrow')).status, 400);
    assert.is((await api.request('GET', '/api/services/nothing/days')).body!.error.code, 'unknownService');
    assert.is((await api.request('GET', '/api/services/pokladna/days')).body!.error.code, 'notBookable');
    assert.equal(await api.days('pasy'), before);
    assert.is(inbox.mails.length, 0);
  } finally {
    await stop();
  }
});

test('the booking command suspends booking; cancelling the existing bookings e-mails each client the notice; cancellation still works', async () => {
  const dir = await tempDir();
  const token = 'command-test-admin-token-0123456789';
  await writeFile(join(dir.path, 'admin-token'), `${token}\n`);
  const inbox = await smtpInbox();
  const running = await runOffice({ config: easyProof, mailer: inbox.mailer, adminToken: token });
  const api = bookingClient(`http://127.0.0.1:${running.server.httpPort}`);
  const command = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/booking.ts', ...args], {
      env: { ...process.env, FRONTA_DATA_DIR: dir.path, FRONTA_HTTP_URL: `http://127.0.0.1:${running.server.httpPort}` },
    });
  try {
    const slots = (await api.slots('pasy', '2026-11-25')).body!.slots;
    for (const [k, email] of ['jana@example.cz', 'petr@example.cz'].entries()) {
      await api.hold({ serviceId: 'pasy', startsAt: slots[k].startsAt, email });
      await api.confirm(confirmTokenIn((await eventually('hold mail', () => inbox.mails[k * 2])).text!));
      await eventually('code mail', () => inbox.mails[k * 2 + 1]);
    }
    const kept = (await api.request('POST', `/api/confirmations/${confirmTokenIn(inbox.mails[2]!.text!)}`)).body!.code as string;
    // Only the transport department is switched off first: passports keep booking, and the codes stay valid.
    await command('suspend', '--cs', 'Doprava je zavřena.', '--en', 'Transport is closed.', '--workplace', 'doprava');
    assert.is((await api.days('vozidla')).status, 503);
    assert.is((await api.days('pasy')).status, 200);
    const { stdout } = await command('suspend', '--cs', 'Během krizových opatření je objednávání mimo provoz.', '--en', 'During the crisis booking is off.', '--cancel-existing');
    assert.match(stdout, /"cancelled":2/);
    const notices = await eventually('two cancellation mails', () => (inbox.mails.length >= 6 ? inbox.mails.slice(4) : undefined));
    for (const mail of notices) {
      assert.match(mail.subject!, /^Rezervace zrušena: Cestovní doklady/);
      assert.match(mail.text!, /Během krizových opatření je objednávání mimo provoz\./);
      assert.match(mail.text!, /\+420/, "the workplace's phone");
      assert.match(calendarOf(mail), /METHOD:CANCEL/);
    }
    assert.is((await api.cancelPreview(kept, 'petr@example.cz')).status, 404, 'cancelled by the office');
    const refused = await api.hold({ serviceId: 'pasy', startsAt: slots[3].startsAt });
    assert.is(refused.status, 503);
    assert.is(refused.body!.error.suspension.notice.cs, 'Během krizových opatření je objednávání mimo provoz.');
    await command('resume');
    assert.is((await api.days('pasy')).status, 200);
  } finally {
    await running.stop();
    await inbox.stop();
    await dir.remove();
  }
});

test('cancellation attempts are rate-limited per client address', async () => {
  const { api, stop } = await office();
  try {
    const statuses: number[] = [];
    for (let k = 0; k < 12; k++) statuses.push((await api.cancelPreview(String(30_000_000 + k), 'guess@example.cz')).status);
    assert.equal(statuses.slice(0, 10), Array(10).fill(404));
    assert.equal(statuses.slice(10), [429, 429]);
    assert.is((await api.cancel('30000000', 'guess@example.cz')).body!.error.code, 'rateLimited', 'preview and cancel share the limit');
  } finally {
    await stop();
  }
});

test('a replayed proof-of-work solution is refused', async () => {
  const { api, stop } = await office();
  try {
    const slots = (await api.slots('pasy', '2026-11-25')).body!.slots;
    const proof = await api.proof();
    assert.is((await api.hold({ serviceId: 'pasy', startsAt: slots[0].startsAt }, proof)).status, 201);
    const replay = await api.hold({ serviceId: 'pasy', startsAt: slots[1].startsAt, email: 'petr@example.cz' }, proof);
    assert.is(replay.status, 400);
    assert.is(replay.body!.error.code, 'proofReused');
    const fresh = await api.proof();
    const forged = await api.hold(
      { serviceId: 'pasy', startsAt: slots[1].startsAt, email: 'petr@example.cz' },
      { ...fresh, solution: { ...fresh.solution, derivedKey: fresh.solution.derivedKey.replace(/^./, (c) => (c === '0' ? '1' : '0')) } },
    );
    assert.is(forged.body!.error.code, 'proofFailed');
  } finally {
    await stop();
  }
});

test('a hold whose e-mail cannot be sent gives its place back and says so', async () => {
  const { api, inbox, stop } = await office();
  try {
    inbox.refuse = true;
    const slot = (await api.slots('pasy', '2026-11-25')).body!.slots[0];
    const held = await api.hold({ serviceId: 'pasy', startsAt: slot.startsAt });
    assert.is(held.status, 502);
    assert.is(held.body!.error.code, 'mailFailed');
    assert.is((await api.slots('pasy', '2026-11-25')).body!.slots[0].startsAt, slot.startsAt);
  } finally {
    await stop();
  }
});

test('at Prague midnight the day list moves on at once, cached or not; a day beyond the horizon lists no slots', async () => {
  const { api, running, stop } = await office();
  try {
    running.clock.set(Date.parse('2026-11-24T23:59:59+01:00'));
    assert.is((await api.days('pasy')).body!.days[0].day, '2026-11-24');
    running.clock.set(Date.parse('2026-11-25T00:00:00.500+01:00'));
    assert.is((await api.days('pasy')).body!.days[0].day, '2026-11-25', 'half a second after midnight, within the cache time');
    const days = (await api.days('pasy')).body!.days as { day: string }[];
    assert.is(days.at(-1)!.day, '2026-12-25');
    assert.equal((await api.slots('pasy', '2026-12-28')).body!.slots, [], 'the Monday after the horizon');
  } finally {
    await stop();
  }
});

test.run();
