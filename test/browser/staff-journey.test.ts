import type { Browser, Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { eventually } from '../support/eventually.ts';
import { type RunningOffice, runOffice } from '../support/office-fixture.ts';
import { type SmtpInbox, smtpInbox } from '../support/smtp-inbox.ts';
import { addAccount, adminToken, goodPassword } from '../support/staff-client.ts';

let browser: Browser;
let office: RunningOffice;
let inbox: SmtpInbox;
// localhost, not 127.0.0.1: the session cookie is Secure, and browsers let a Secure cookie over plain HTTP on localhost only.
let base: string;
test.before(async () => {
  inbox = await smtpInbox();
  [browser, office] = await Promise.all([launchChromium(), runOffice({ adminToken, withDevices: true, mailer: inbox.mailer })]);
  base = `http://localhost:${office.server.httpPort}`;
  await addAccount(`http://127.0.0.1:${office.server.httpPort}`, 'reditelka', 'admin', 'Jana Nováková');
  await addAccount(`http://127.0.0.1:${office.server.httpPort}`, 'novak', 'clerk', 'Petr Novák');
});
test.after(async () => {
  await browser.close();
  await office.stop();
  await inbox.stop();
});

/** The login form in Czech, as staff see it first. */
async function logIn(page: Page, username: string): Promise<void> {
  await page.goto(`${base}/staff`);
  await page.getByLabel('Uživatelské jméno').fill(username);
  await page.getByLabel('Heslo').fill(goodPassword);
  await page.getByRole('button', { name: 'Přihlásit se' }).click();
}

test('an administrator logs in, suspends online booking, books a caller, closes the cash desk for today and sees the kiosk follow', async () => {
  const page = await browser.newPage();
  try {
    await logIn(page, 'reditelka');
    await page.getByRole('heading', { name: 'Přehled úřadu' }).waitFor({ timeout: 10_000 });
    await page.getByText('Všechna zařízení jsou v pořádku.').waitFor({ timeout: 10_000 });

    // The crisis switch.
    await page.getByRole('link', { name: 'Rezervace' }).click();
    await page.getByLabel('Oznámení pro občany (česky)').fill('Z technických důvodů se objednávejte telefonicky.');
    await page.getByLabel('Oznámení pro občany (anglicky)').fill('For technical reasons, please book by phone.');
    await page.getByRole('button', { name: 'Pozastavit objednávání' }).click();
    await page.getByText('Objednávání přes internet je pozastaveno.').waitFor({ timeout: 10_000 });
    assert.ok(office.server.bookings.citizens.info().suspension);

    // A caller, booked while online booking is off.
    await page.getByLabel('Služba', { exact: true }).selectOption('pasy');
    await page.getByLabel('Čas', { exact: true }).selectOption({ label: '10:00' });
    await page.getByLabel('Jméno a příjmení klienta').fill('Marie Svobodová');
    await page.getByLabel('E-mail (nepovinný)').fill('marie@example.cz');
    await page.getByRole('button', { name: 'Objednat', exact: true }).click();
    const booked = await page.getByText(/Objednáno na úterý 24\.\slistopadu 2026 v\s10:00\. Identifikační kód: \d{8}/).textContent({ timeout: 10_000 });
    const code = /(\d{8})/.exec(booked!)![1]!;
    await page.getByRole('cell', { name: 'Marie Svobodová', exact: true }).waitFor();
    await eventually('the code by e-mail', () => inbox.mails.find((m) => m.text?.includes(code)));

    // The cash desk closes for today: its button on the entrance hall kiosk goes dark at once.
    const kiosk = office.sim!.kiosk('kiosk-hala');
    assert.ok(kiosk.buttons.lights.get(1));
    await page.getByRole('link', { name: 'Nastavení' }).click();
    const cashDesk = page.getByRole('group', { name: 'Ekonomický odbor – centrální pokladna' });
    await cashDesk.getByLabel('Ekonomický odbor – centrální pokladna: úterý').fill('');
    await page.getByRole('button', { name: 'Zkontrolovat změny' }).click();
    await page.getByText('Změna se nedotkne žádné rezervace.').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Uložit nastavení' }).click();
    await page.getByText('Uloženo. Zrušeno 0 rezervací.').waitFor({ timeout: 10_000 });
    await eventually('the cash desk button dark', () => kiosk.buttons.lights.get(1) === false, 5000);
    assert.ok(kiosk.buttons.lights.get(3), 'the passports button stays lit');

    await page.getByRole('link', { name: 'Přehled' }).click();
    await page.getByRole('row', { name: /P – Pokladna zavřeno/ }).waitFor({ timeout: 10_000 });
  } finally {
    await page.close();
  }
});

test('a clerk sees no settings, and a device out of paper is an alert on the dashboard', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/staff?lang=en`);
    await page.getByLabel('User name').fill('novak');
    await page.getByLabel('Password').fill(goodPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Office overview' }).waitFor({ timeout: 10_000 });
    assert.is(await page.getByRole('link', { name: 'Settings' }).count(), 0);
    const kiosk = office.sim!.kiosk('kiosk-chodba');
    kiosk.printer.paper = 'paperOut';
    kiosk.buttons.press(1);
    await page.getByRole('alert').getByText('Corridor opposite the lift (kiosk-chodba): paper out').waitFor({ timeout: 10_000 });
    assert.match(await page.title(), /^\(1\) /);
  } finally {
    await page.close();
  }
});

test("the statistics read in Czech: today's waits with a decimal comma, the charts' legends naming the day and the hour", async () => {
  const engine = office.server.engine;
  const id = () => `stat-${Math.random().toString(36).slice(2, 12)}`;
  for (let k = 0; k < 2; k++) await engine.kioskRequest('kiosk-hala', { kind: 'walkIn', requestId: id(), pressedAt: office.clock.now(), serviceId: 'pasy' });
  // Called after one and after two minutes: a mean wait of 1.5 minutes.
  for (let k = 1; k <= 2; k++) {
    office.clock.advance(60_000);
    await engine.counterCommand('prepazka-2', { action: 'next', commandId: id(), pressedAt: office.clock.now() });
  }
  const page = await browser.newPage();
  try {
    await logIn(page, 'novak');
    await page.getByRole('link', { name: 'Statistiky' }).click();
    const byService = page.getByRole('table', { name: 'Podle služeb' });
    await byService.waitFor({ timeout: 10_000 });
    assert.is(await byService.getByRole('columnheader').first().textContent(), 'Služba');
    const passports = byService.getByRole('row', { name: /Cestovní doklady/ });
    const meanWait = await passports.getByRole('cell').nth(3).textContent();
    assert.is(meanWait, '1,5', 'the mean wait, as Czech writes it');
    const legends = await page.locator('.u-legend').allTextContents();
    assert.is(legends.length, 2);
    assert.match(legends[0]!, /^Den/);
    assert.match(legends[1]!, /^Hodina/);
    assert.not.match(legends.join(), /Value/);
  } finally {
    await page.close();
  }
});

for (const language of ['cs', 'en'] as const) {
  test(`axe-core finds no WCAG 2.1 AA violations on any staff page (${language})`, async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(`${base}/staff?lang=${language}`);
      const found: Record<string, string[]> = { login: await axeViolations(page) };
      await page.locator('#username').fill('reditelka');
      await page.locator('#password').fill(goodPassword);
      await page.locator('form.login button[type=submit]').click();
      await page.locator('nav.staff-nav').waitFor({ timeout: 10_000 });
      for (const path of ['/staff', '/staff/bookings', '/staff/statistics', '/staff/settings', '/staff/devices', '/staff/accounts']) {
        await page.goto(`${base}${path}?lang=${language}`);
        await page.locator('main h1').waitFor({ timeout: 10_000 });
        await page.waitForTimeout(300);
        found[path] = await axeViolations(page);
      }
      assert.equal(found, Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    } finally {
      await context.close();
    }
  });
}

test('staff forms say at each field what is wrong, in Czech only: the phone booking has its own day and names it; settings warn of what the printer cannot print', async () => {
  const page = await browser.newPage();
  try {
    await logIn(page, 'reditelka');
    await page.getByRole('heading', { name: 'Přehled úřadu' }).waitFor({ timeout: 10_000 });
    // Loaded while online booking is suspended (by the first test): the form still offers every service by appointment.
    assert.ok(office.server.bookings.citizens.info().suspension);
    await page.getByRole('link', { name: 'Rezervace' }).click();
    await page.getByLabel('Den návštěvy').fill('2026-11-25');
    await page.getByLabel('Služba', { exact: true }).selectOption('obcanky');
    await page.getByLabel('Čas', { exact: true }).selectOption({ label: '9:00' });
    await page.getByRole('button', { name: 'Objednat', exact: true }).click();
    await page.locator('#phone-name-error').getByText('zadejte jméno a příjmení').waitFor({ timeout: 10_000 });
    assert.is(await page.locator('#phone-name').getAttribute('aria-invalid'), 'true');
    assert.not.match((await page.locator('main').textContent())!, /expected|characters|required/i, 'no English server details on a Czech page');
    await page.getByLabel('Jméno a příjmení klienta').fill('Karel Dvořák');
    await page.getByRole('button', { name: 'Objednat', exact: true }).click();
    await page.getByText(/Objednáno na středa 25\.\slistopadu 2026 v\s9:00\./).waitFor({ timeout: 10_000 });

    await page.getByRole('link', { name: 'Nastavení' }).click();
    await page.locator('#name-cs-pokladna').fill('Pokladna – poplatky');
    await page.locator('#name-cs-pokladna-error').getByText('Tiskárna lístků nemá znaky –; na lístku bude: Pokladna - poplatky').waitFor({ timeout: 10_000 });
    assert.is(await page.locator('#name-cs-pokladna').getAttribute('aria-invalid'), 'false', 'a warning, not an error');
    await page.locator('#name-cs-obcanky').fill('');
    await page.getByRole('button', { name: 'Zkontrolovat změny' }).click();
    await page.locator('#name-cs-obcanky-error').getByText('vyplňte toto pole').waitFor({ timeout: 10_000 });
    assert.is(await page.locator('#name-cs-obcanky').getAttribute('aria-invalid'), 'true');
    assert.is(await page.locator('#name-cs-obcanky-error').textContent(), 'vyplňte toto pole', 'the field says it, not the save button');
  } finally {
    await page.close();
  }
});

test('an administrator sends a test e-mail from Nastavení → Pošta and sees it went; it arrives through the relay', async () => {
  const page = await browser.newPage();
  try {
    await logIn(page, 'reditelka');
    await page.getByRole('link', { name: 'Nastavení' }).click();
    const panel = page.getByRole('form', { name: 'Pošta' });
    await panel.getByText('Odesílatel:').waitFor();
    const before = inbox.mails.length;
    await panel.getByLabel('Poslat zkušební e-mail na adresu').fill('reditelka@example.cz');
    await panel.getByRole('button', { name: 'Poslat zkušební e-mail' }).click();
    await panel.getByText(/^Odesláno na reditelka@example\.cz/).waitFor();
    const mail = await eventually('the test e-mail', () => inbox.mails[before]);
    assert.is(mail.subject, 'Fronta: zkušební e-mail / test e-mail');
  } finally {
    await page.close();
  }
});

test.run();
