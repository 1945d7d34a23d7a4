import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeEscpos, receiptText } from '../../shared/escpos/decode.ts';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { eventually } from '../support/eventually.ts';
import { kostelec, type RunningOffice, runOffice, tuesdayNine } from '../support/office-fixture.ts';
import { smtpInbox } from '../support/smtp-inbox.ts';

const config = kostelec((c) => {
  c.booking = { proofOfWork: { minCounter: 500, maxCounter: 2000 } };
});

let browser: Browser;
test.before(async () => {
  browser = await launchChromium();
});
test.after(async () => {
  await browser.close();
});

/** The text messages the office wrote to its outbox folder, oldest first. */
async function smsFiles(office: RunningOffice): Promise<string[]> {
  const files = (await readdir(office.outboxDir).catch(() => [] as string[])).filter((f) => f.endsWith('.sms.txt')).sort();
  return Promise.all(files.map((f) => readFile(join(office.outboxDir, f), 'utf8')));
}

test('the booking form offers the code by SMS too: a fixed line is refused at the field, a mobile number is kept and gets the code once the booking is confirmed', async () => {
  const inbox = await smtpInbox();
  const office = await runOffice({ config, mailer: inbox.mailer, at: tuesdayNine });
  const base = `http://127.0.0.1:${office.server.httpPort}`;
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  try {
    await page.goto(base);
    await page.getByRole('button', { name: /Cestovní doklady/ }).click();
    await page.getByRole('button', { name: /^úterý 24\. listopadu 2026, 3 volná místa$/ }).click();
    await page.getByRole('button', { name: /^10:00,/ }).click();
    await page.getByLabel('Jméno a příjmení').fill('Jana Nováková');
    await page.getByLabel('E-mail').fill('jana@example.cz');
    await page.getByLabel('Telefon (nepovinné)').fill('494 337 231');
    await page.getByLabel('Poslat kód a připomínku také SMS na tento telefon').check();
    await page.getByLabel(/Souhlasím/).check();
    assert.equal(await axeViolations(page), [], 'the form with the SMS choice');
    await page.getByRole('button', { name: 'Odeslat rezervaci' }).click();
    await page.getByRole('alert').getByText('Pro SMS zadejte číslo mobilního telefonu.').waitFor();
    assert.is(office.server.bookings.ledger.bookings().length, 0, 'nothing sent');
    await page.getByLabel('Telefon (nepovinné)').fill('777 123 456');
    await page.getByRole('button', { name: 'Odeslat rezervaci' }).click();
    await page.getByRole('heading', { name: 'Zkontrolujte svůj e-mail' }).waitFor();
    const mail = await eventually('the confirmation e-mail', () => inbox.mails[0]);
    const link = /href="([^"]+\/confirm\/[^"]+)"/.exec(mail.html as string)![1]!.replace(`http://localhost:${office.server.httpPort}`, base);
    await page.goto(link);
    await page.getByRole('button', { name: 'Potvrdit rezervaci' }).click();
    const code = (await page.getByTestId('code').textContent())!;
    const [sms] = await eventually('the code SMS', async () => {
      const files = await smsFiles(office);
      return files.length > 0 && files;
    });
    assert.is(sms, `SMS to: +420777123456\n\nMěstský úřad Kostelec nad Orlicí: Cestovní doklady út 24. 11. v 10:00, rezervace, kód ${code}. Na kiosku ho zadejte 9:45–10:15.\n`);
  } finally {
    await context.close();
    await office.stop();
    await inbox.stop();
  }
});

for (const language of ['cs', 'en'] as const) {
  test(`a walk-in leaves a mobile number on the ticket's page and is texted once when 3 wait before them; the page says so, axe-clean (${language})`, async () => {
    const office = await runOffice({ withDevices: true });
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const words = {
      cs: {
        field: 'Číslo mobilního telefonu',
        send: 'Poslat SMS, až budu na řadě',
        fixed: 'Pro SMS zadejte číslo mobilního telefonu.',
        set: 'SMS přijde na číslo +420 … 456',
        sent: 'SMS jsme poslali na číslo +420 … 456.',
      },
      en: {
        field: 'Mobile phone number',
        send: 'Text me when my turn is near',
        fixed: 'For text messages, enter a mobile phone number.',
        set: 'A text message goes to +420 … 456',
        sent: 'We sent the text message to +420 … 456.',
      },
    }[language];
    try {
      const kiosk = office.sim!.kiosk('kiosk-hala');
      await eventually('the kiosk ready', () => kiosk.buttons.lights.get(3));
      for (let k = 1; k <= 6; k++) {
        kiosk.buttons.press(3);
        await eventually(`ticket ${k}`, () => kiosk.printer.printed.length === k);
      }
      const qr = /\[QR (\S+)\]/.exec(receiptText(decodeEscpos(kiosk.printer.printed[5]!)))![1]!;
      await page.goto(`${qr.replace(`localhost:${office.server.httpPort}`, `127.0.0.1:${office.server.httpPort}`)}?lang=${language}`);
      await page.getByLabel(words.field).fill('494 337 231');
      await page.getByRole('button', { name: words.send }).click();
      await page.getByText(words.fixed).waitFor();
      await page.getByLabel(words.field).fill('777 123 456');
      await page.getByRole('button', { name: words.send }).click();
      await page.getByText(words.set).waitFor();
      assert.equal(await axeViolations(page), [], 'the page with the number left');
      const counter = office.sim!.counter('prepazka-3');
      counter.buttons.press(1);
      await eventually('the first call', () => counter.digits.text.startsWith('C001'));
      await office.server.bookings.ledger.sendDue();
      assert.equal(await smsFiles(office), [], 'four wait before it: not yet');
      counter.buttons.press(1);
      await page.getByText(words.sent).waitFor({ timeout: 10000 });
      const texts = await smsFiles(office);
      assert.equal(texts, [
        language === 'cs'
          ? 'SMS to: +420777123456\n\nLístek C006: před vámi jsou 3 lidé. Vraťte se prosím do haly.\n'
          : 'SMS to: +420777123456\n\nTicket C006: 3 people are ahead of you. Please come back to the hall.\n',
      ]);
      assert.equal(await axeViolations(page), [], 'the page once the message went');
    } finally {
      await context.close();
      await office.stop();
    }
  });
}

test.run();
