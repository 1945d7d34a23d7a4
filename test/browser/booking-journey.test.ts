import type { Challenge } from 'altcha-lib';
import type { Browser } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ProofOfWork } from '../../shared/contract/booking-api.ts';
import { decodeEscpos, receiptText } from '../../shared/escpos/decode.ts';
import { launchChromium, sendBooking } from '../support/browser.ts';
import { eventually } from '../support/eventually.ts';
import { kostelec, runOffice, tuesdayNine } from '../support/office-fixture.ts';
import { smtpInbox } from '../support/smtp-inbox.ts';

const config = kostelec((c) => {
  c.booking = { proofOfWork: { minCounter: 500, maxCounter: 2000 } };
});
const tenOClock = Date.parse('2026-11-24T10:00:00+01:00');

let browser: Browser;
test.before(async () => {
  browser = await launchChromium();
});
test.after(async () => {
  await browser.close();
});

test('book in the browser, confirm from the e-mail, type the code at the kiosk, get a booking ticket, be called first', async () => {
  const inbox = await smtpInbox();
  const office = await runOffice({ config, mailer: inbox.mailer, withDevices: true, at: tuesdayNine });
  const base = `http://127.0.0.1:${office.server.httpPort}`;
  const page = await browser.newPage();
  try {
    await page.goto(base);
    await page.getByRole('button', { name: /Cestovní doklady/ }).click();
    await page.getByRole('heading', { name: '2. Vyberte den' }).waitFor();
    // Every day button says its weekday and date, and why it cannot be booked.
    await page.getByRole('button', { name: 'sobota 28. listopadu 2026, nelze objednat: pracoviště nemá úřední hodiny' }).waitFor({ timeout: 10000 });
    await page.getByRole('button', { name: /^úterý 24\. listopadu 2026, 3 volná místa$/ }).click();
    await sendBooking(page, /^10:00,/, 'Jana Nováková', 'jana@example.cz');
    await page.getByRole('heading', { name: 'Zkontrolujte svůj e-mail' }).waitFor();
    assert.ok(await page.getByText('E-mail s odkazem šel na adresu jana@example.cz.', { exact: false }).isVisible(), 'the page shows where the link went');
    await eventually('the confirmation e-mail', () => inbox.mails[0]);
    await page.getByRole('button', { name: 'Nepřišel e-mail? Poslat odkaz znovu' }).click();
    await page.getByRole('status').getByText('Odkaz jsme poslali znovu na jana@example.cz.', { exact: false }).waitFor();
    const again = await eventually('the link sent again', () => inbox.mails[1]);
    inbox.mails.splice(1, 1);

    const mail = await eventually('the confirmation e-mail', () => inbox.mails[0]);
    assert.is(again.text, mail.text, 'the same link');
    const link = /href="([^"]+\/confirm\/[^"]+)"/.exec(mail.html as string)![1]!.replace(`http://localhost:${office.server.httpPort}`, base);
    await page.goto(link);
    await page.getByRole('button', { name: 'Potvrdit rezervaci' }).click();
    const code = (await page.getByTestId('code').textContent())!;
    assert.match(code, /^\d{8}$/);
    assert.ok(await page.getByText(/Na\stiskárně\slístků\s\(Vstupní\shala\su\shlavních\sdveří\)\szvolte\s„Klienti\sobjednaní\sonline“/).isVisible(), 'the page says which kiosk takes the code');
    const codeMail = await eventually('the code e-mail', () => inbox.mails[1]);
    assert.match(codeMail.text!, new RegExp(code));

    const kiosk = office.sim!.kiosk('kiosk-hala');
    await eventually('the kiosk ready', () => kiosk.lcd.lines[0] === 'Dobrý den,');
    office.clock.set(tenOClock - 15 * 60_000 - 1000);
    kiosk.keypad.type([...code.split(''), 'enter'] as never);
    await eventually('too early, and from when', () => kiosk.lcd.lines[0] === 'Příliš brzy: kód' && kiosk.lcd.lines[1] === 'platí od 9:45');
    assert.is(kiosk.printer.printed.length, 0);
    office.clock.set(tenOClock - 10 * 60_000);
    // A walk-in arrives first, and waits.
    kiosk.buttons.press(3);
    await eventually('the walk-in ticket', () => kiosk.printer.printed.length === 1);
    kiosk.keypad.type([...code.split(''), 'enter'] as never);
    await eventually('the booking ticket', () => kiosk.printer.printed.length === 2);
    const ticket = receiptText(decodeEscpos(kiosk.printer.printed[1]!));
    assert.match(ticket, /C 0 0 2/, 'the number in large type');
    assert.match(ticket, /Rezervace na 10:00/);
    assert.match(ticket, /Booked for 10:00/);

    office.clock.set(tenOClock);
    const counter = office.sim!.counter('prepazka-3');
    await eventually('the counter ready', () => counter.digits.text !== '--------');
    counter.buttons.press(1);
    await eventually('the booked client called first', () => counter.digits.text.startsWith('C002'));
    kiosk.keypad.type([...code.split(''), 'enter'] as never);
    await eventually('the used code refused', () => kiosk.lcd.lines[0] === 'Kód už byl použit,');
  } finally {
    await page.close();
    await office.stop();
    await inbox.stop();
  }
});

test("each booking step is a history entry: the browser's Back returns to the previous step, Forward and a reload keep the choices", async () => {
  const office = await runOffice({ config, at: tuesdayNine });
  const base = `http://127.0.0.1:${office.server.httpPort}`;
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/?lang=en`);
    await page.getByRole('button', { name: /Travel documents/ }).click();
    await page.getByRole('button', { name: /^Tuesday, 24 November 2026, 3 places free$/ }).click();
    await page.getByRole('button', { name: /^10:00,/ }).click();
    await page.getByLabel('First name and surname').waitFor();
    await page.reload();
    await page.getByLabel('First name and surname').waitFor();
    assert.match((await page.locator('.chosen').textContent())!, /Travel documents.*Tuesday, 24 November 2026.*10:00/);
    await page.goBack();
    await page.waitForURL(/step=time/);
    await page.getByRole('button', { name: /^10:00,/ }).waitFor();
    await page.goBack();
    await page.waitForURL(/step=day/);
    await page.getByRole('button', { name: /^Tuesday, 24 November 2026,/ }).waitFor();
    await page.goForward();
    await page.getByRole('button', { name: /^10:15,/ }).click();
    assert.match((await page.locator('.chosen').textContent())!, /10:15/);
    assert.match(page.url(), /lang=en/, 'the language stays in the address');
    for (let k = 0; k < 3; k++) await page.goBack();
    await page.getByRole('button', { name: /Travel documents/ }).waitFor();
    assert.is(page.url(), `${base}/?lang=en`, 'three steps back is the first step, on the site');
  } finally {
    await page.close();
    await office.stop();
  }
});

test("the e-mailed link opens in the booking's language on another device; cancel in the browser: code and e-mail, then an explicit confirming button; times in Prague time wherever the browser is", async () => {
  const inbox = await smtpInbox();
  const office = await runOffice({ config, mailer: inbox.mailer });
  const base = `http://127.0.0.1:${office.server.httpPort}`;
  const page = await browser.newPage({ timezoneId: 'America/New_York' });
  try {
    const slot = ((await (await fetch(`${base}/api/services/vozidla/days/2026-11-25`)).json()) as { slots: { startsAt: number; time: string }[] }).slots[0]!;
    const { citizens, ledger } = office.server.bookings;
    const held = await citizens.hold(
      { serviceId: 'vozidla', startsAt: slot.startsAt, name: 'Petr Svoboda', email: 'petr@example.cz', consent: true, language: 'en', proof: await solved(base) },
      '127.0.0.9',
    );
    assert.ok(held.ok);
    const mailText = (await eventually('hold mail', () => inbox.mails[0])).text!;
    const token = /\/confirm\/([A-Za-z0-9_-]{22})/.exec(mailText)![1]!;
    // The link opened on another device (a fresh browser, nothing remembered) speaks the booking's language.
    const link = new URL(/https?:\/\/\S+\/confirm\/\S+/.exec(mailText)![0]);
    const elsewhere = await browser.newContext();
    const phone = await elsewhere.newPage();
    await phone.goto(`${base}${link.pathname}${link.search}`);
    await phone.getByRole('button', { name: 'Confirm the booking' }).waitFor();
    await elsewhere.close();
    const confirmed = await citizens.confirm(token);
    assert.ok(confirmed.ok);
    const code = confirmed.ok ? confirmed.data.code : '';

    await page.goto(`${base}/?lang=en`);
    await page.getByRole('link', { name: 'Change or cancel a booking' }).click();
    await page.getByLabel('Identification code (8 digits)').fill(code);
    await page.getByLabel('E-mail').fill('someone-else@example.cz');
    await page.getByRole('button', { name: 'Find the booking' }).click();
    await page.getByText('We found no booking with this code and e-mail.').waitFor();
    await page.getByLabel('E-mail').fill('petr@example.cz');
    await page.getByRole('button', { name: 'Find the booking' }).click();
    await page.getByRole('heading', { name: 'Do you really want to cancel this booking?' }).waitFor();
    await page.getByText(new RegExp(`25 November 2026 at ${slot.time}`)).waitFor({ timeout: 10000 });
    assert.is(ledger.bookings().filter((b) => b.status === 'confirmed').length, 1, 'nothing is cancelled before the button');
    await page.getByRole('button', { name: 'Yes, cancel the booking' }).click();
    await page.getByRole('heading', { name: /The booking is cancelled/ }).waitFor();
    assert.is(ledger.bookings().filter((b) => b.status === 'confirmed').length, 0);
    await eventually('the cancellation mail', () => inbox.mails[2]);
  } finally {
    await page.close();
    await office.stop();
    await inbox.stop();
  }
});

test('with booking suspended the home page shows the notice with contacts and every booking route refuses', async () => {
  const office = await runOffice({ config, adminToken: 'test-admin-token-0123456789' });
  const base = `http://127.0.0.1:${office.server.httpPort}`;
  const page = await browser.newPage();
  try {
    const notice = { cs: 'Během krizových opatření je objednávání mimo provoz.', en: 'During the crisis measures booking is out of service.' };
    const unauthorized = await fetch(`${base}/api/admin/suspension`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ workplaceIds: null, notice }) });
    assert.is(unauthorized.status, 401);
    const switched = await fetch(`${base}/api/admin/suspension`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: 'Bearer test-admin-token-0123456789' },
      body: JSON.stringify({ workplaceIds: null, notice }),
    });
    assert.is(switched.status, 200);
    await page.goto(base);
    await page.getByRole('heading', { name: 'Objednávání přes internet je mimo provoz' }).waitFor();
    await page.getByText(notice.cs).waitFor({ timeout: 10000 });
    await page.getByRole('link', { name: '+420 494 337 231' }).waitFor({ timeout: 10000 }); // the transport department's phone
    await page.getByText('Žádnou službu si teď nelze objednat přes internet.').waitFor({ timeout: 10000 });
    const days = await fetch(`${base}/api/services/pasy/days`);
    assert.is(days.status, 503);
    const body = (await days.json()) as { error: { code: string; suspension: { notice: { cs: string } } } };
    assert.is(body.error.code, 'suspended');
    assert.is(body.error.suspension.notice.cs, notice.cs);
    const hold = await fetch(`${base}/api/holds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: 'pasy' }) });
    assert.is(hold.status, 400, 'a malformed body is still answered as malformed');
  } finally {
    await page.close();
    await office.stop();
  }
});

async function solved(base: string) {
  const { solveChallenge } = await import('altcha-lib');
  const { deriveKey } = await import('altcha-lib/algorithms/sha');
  const challenge = (await (await fetch(`${base}/api/challenge`)).json()) as ProofOfWork['challenge'];
  return { challenge, solution: (await solveChallenge({ challenge: challenge as Challenge, deriveKey }))! };
}

test('with one workplace suspended the headline names it and says the rest can be booked; the other services still list their days', async () => {
  const office = await runOffice({ config });
  const base = `http://127.0.0.1:${office.server.httpPort}`;
  const page = await browser.newPage();
  try {
    await office.server.bookings.staff.suspend({ workplaceIds: ['doprava'], notice: { cs: 'Odbor dopravy je zavřen.', en: 'Transport is closed.' }, cancelExisting: false });
    await page.goto(base);
    const headline = page.getByRole('heading', { level: 2, name: /mimo provoz pro: Odbor dopravy a\sobecní živnostenský úřad\. Ostatní služby si objednáte níže/ });
    await headline.waitFor();
    await page.getByRole('button', { name: /Cestovní doklady/ }).waitFor();
  } finally {
    await page.close();
    await office.stop();
  }
});

test.run();
