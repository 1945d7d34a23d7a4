import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bookingClient, confirmTokenIn } from '../support/booking-client.ts';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { eventually } from '../support/eventually.ts';
import { kostelecEasyProof, runOffice } from '../support/office-fixture.ts';
import { smtpInbox } from '../support/smtp-inbox.ts';

test('a citizen changes the time on the page "Změnit nebo zrušit rezervaci": code and e-mail, a new day and time, one button; the booking moves, the e-mail says so; no axe violations in either language', async () => {
  const [browser, inbox] = await Promise.all([launchChromium(), smtpInbox()]);
  const office = await runOffice({ config: kostelecEasyProof(), mailer: inbox.mailer });
  const base = `http://localhost:${office.server.httpPort}`;
  try {
    const api = bookingClient(base);
    const slot = (await api.slots('pasy', '2026-11-25')).body!.slots[0];
    await api.hold({ serviceId: 'pasy', startsAt: slot.startsAt });
    const { code } = (await api.confirm(confirmTokenIn((await eventually('the link', () => inbox.mails[0])).text!))).body!;

    // axe-core is injected as a script, which the pages' CSP refuses: the test's own context lets it in.
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(`${base}/?lang=cs`);
    await page.getByRole('link', { name: 'Změnit nebo zrušit rezervaci' }).click();
    await page.getByLabel(/Identifikační kód/).fill(code);
    await page.getByLabel('E-mail').fill('jana@example.cz');
    await page.getByRole('button', { name: 'Vyhledat rezervaci' }).click();
    await page.getByRole('button', { name: 'Změnit termín' }).click();
    await page.getByRole('button', { name: /čtvrtek 26\. listopadu/ }).click();
    await page.getByRole('button', { name: /^9:00,/ }).click();
    assert.equal(await axeViolations(page), []);
    await page.getByRole('button', { name: 'Přesunout na čtvrtek 26. listopadu 2026 v 9:00' }).click();
    await page.getByRole('heading', { name: /^Termín je změněn na čtvrtek 26\. listopadu 2026 v 9:00/ }).waitFor();
    const booking = office.server.bookings.ledger.bookings().find((b) => b.code === code)!;
    assert.equal([booking.day, booking.status], ['2026-11-26', 'confirmed']);
    await eventually('the change e-mail', () => inbox.mails.find((m) => m.subject?.startsWith('Termín změněn')));

    await page.goto(`${base}/cancel?lang=en`);
    await page.getByLabel(/Identification code/).fill(code);
    await page.getByLabel('E-mail').fill('jana@example.cz');
    await page.getByRole('button', { name: 'Find the booking' }).click();
    await page.getByRole('button', { name: 'Change the time' }).click();
    await page.getByRole('button', { name: /Friday, 27 November/ }).click();
    await page.getByRole('button', { name: /^8:00,/ }).waitFor();
    assert.equal(await axeViolations(page), []);
  } finally {
    await browser.close();
    await office.stop();
    await inbox.stop();
  }
});

test.run();
