import type { Browser, Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { eventually } from '../support/eventually.ts';
import { kostelecEasyProof, runOffice } from '../support/office-fixture.ts';
import { smtpInbox } from '../support/smtp-inbox.ts';

const config = kostelecEasyProof();

let browser: Browser;
test.before(async () => {
  browser = await launchChromium();
});
test.after(async () => {
  await browser.close();
});

const labels = {
  cs: {
    service: /Cestovní doklady/,
    day: /^středa 25\. listopadu 2026,/,
    name: 'Jméno a příjmení',
    send: 'Odeslat rezervaci',
    sent: 'Zkontrolujte svůj e-mail',
    confirm: 'Potvrdit rezervaci',
    cancel: 'Zrušit rezervaci',
    code: /Identifikační kód/,
    find: 'Vyhledat rezervaci',
  },
  en: {
    service: /Travel documents/,
    day: /^Wednesday,? 25 November 2026,/,
    name: 'First name and surname',
    send: 'Send the booking',
    sent: 'Check your e-mail',
    confirm: 'Confirm the booking',
    cancel: 'Cancel a booking',
    code: /Identification code/,
    find: 'Find the booking',
  },
};

for (const language of ['cs', 'en'] as const) {
  test(`axe-core finds no WCAG 2.1 AA violations on any booking page (${language})`, async () => {
    const inbox = await smtpInbox();
    const office = await runOffice({ config, mailer: inbox.mailer, adminToken: 'admin-token-for-the-axe-test' });
    const base = `http://127.0.0.1:${office.server.httpPort}`;
    // axe is injected as a script; the site's own CSP would rightly refuse it.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const l = labels[language];
    const found: Record<string, string[]> = {};
    const check = async (name: string, p: Page = page) => {
      found[name] = await axeViolations(p);
    };
    try {
      await page.goto(`${base}/?lang=${language}`);
      await page.getByRole('button', { name: l.service }).waitFor();
      assert.is(await page.locator('html').getAttribute('lang'), language);
      await check('home');
      await page.getByRole('button', { name: l.service }).click();
      await page.getByRole('button', { name: l.day }).waitFor();
      await check('days');
      await page.getByRole('button', { name: l.day }).click();
      await page.getByRole('button', { name: /^8:00,/ }).click();
      await page.getByRole('button', { name: l.send }).click();
      await page.getByRole('alert').first().waitFor();
      await check('details with errors announced');
      await page.getByLabel(l.name).fill('Jana Nováková');
      await page.getByLabel('E-mail').fill('jana@example.cz');
      await page.locator('#consent').check();
      await page.getByRole('button', { name: l.send }).click();
      await page.getByRole('heading', { name: l.sent }).waitFor();
      await check('check your e-mail');
      const link = /\/confirm\/[A-Za-z0-9_-]{22}/.exec((await eventually('mail', () => inbox.mails[0])).text!)![0];
      await page.goto(`${base}${link}`);
      await page.getByRole('button', { name: l.confirm }).waitFor();
      await check('confirmation page');
      await page.getByRole('button', { name: l.confirm }).click();
      await page.getByTestId('code').waitFor();
      await check('confirmed, with the code');
      await page.goto(`${base}/cancel`);
      await page.getByLabel(l.code).waitFor();
      await check('cancellation form');
      await page.getByRole('button', { name: l.find }).click();
      await page.getByRole('alert').first().waitFor();
      await check('cancellation form with errors');
      await fetch(`${base}/api/admin/suspension`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: 'Bearer admin-token-for-the-axe-test' },
        body: JSON.stringify({ workplaceIds: null, notice: { cs: 'Objednávání je mimo provoz.', en: 'Booking is out of service.' } }),
      });
      await page.goto(`${base}/`);
      await page.locator('.notice').waitFor();
      await check('suspension notice');
      for (const [name, violations] of Object.entries(found)) assert.equal(violations, [], `${name}: ${violations.join('; ')}`);
      assert.is(Object.keys(found).length, 9, 'every page was checked');
    } finally {
      await context.close();
      await office.stop();
      await inbox.stop();
    }
  });
}

test.run();
