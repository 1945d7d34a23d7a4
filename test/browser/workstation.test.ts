import type { Browser, Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { KeypadKey } from '../../device/drivers/interfaces.ts';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { eventually } from '../support/eventually.ts';
import { type RunningOffice, runOffice } from '../support/office-fixture.ts';
import { addAccount, adminToken, goodPassword, staffClient } from '../support/staff-client.ts';

let browser: Browser;
let office: RunningOffice;
// localhost: the session cookie is Secure, which browsers allow over plain HTTP on localhost only.
let base: string;
test.before(async () => {
  [browser, office] = await Promise.all([launchChromium(), runOffice({ adminToken, withDevices: true })]);
  base = `http://localhost:${office.server.httpPort}`;
  await addAccount(`http://127.0.0.1:${office.server.httpPort}`, 'novak', 'clerk', 'Petr Novák');
});
test.after(async () => {
  await browser.close();
  await office.stop();
});

test('a clerk runs counter 2 from the page: calls, sees a booked client in full, transfers, calls out of order, parks and calls back, pauses for lunch; the digits and the hall follow; in Czech and English, axe-clean', async () => {
  // A caller booked for 9:15 who has checked in at the kiosk, and three walk-ins.
  const api = staffClient(`http://127.0.0.1:${office.server.httpPort}`);
  await api.login('novak');
  const slot = (await api.call('GET', '/api/staff/services/pasy/slots?day=2026-11-24')).body!.slots[0];
  const booked = await api.call('POST', '/api/staff/bookings', { serviceId: 'pasy', startsAt: slot.startsAt, name: 'Marie Svobodová', phone: '+420 777 123 456', language: 'cs' });
  const kiosk = office.sim!.kiosk('kiosk-hala');
  const box = office.sim!.counter('prepazka-2');
  const hall = () => office.server.engine.hallCalls().calls[0]?.number;
  await eventually('the kiosk ready', () => kiosk.buttons.lights.get(2));
  kiosk.keypad.type([...(booked.body!.code as string).split(''), 'enter'] as KeypadKey[]);
  await eventually('the booking ticket', () => kiosk.printer.printed.length === 1);
  for (const [k, button] of [2, 2, 3].entries()) {
    kiosk.buttons.press(button);
    await eventually(`walk-in ${k + 1}`, () => kiosk.printer.printed.length === k + 2);
  }
  // C001 is the booked client; A001, A002 wait for ID cards, C002 for passports.

  const context = await browser.newContext({ bypassCSP: true });
  const page: Page = await context.newPage();
  try {
    await page.goto(`${base}/staff`);
    await page.getByLabel('Uživatelské jméno').fill('novak');
    await page.getByLabel('Heslo').fill(goodPassword);
    await page.getByRole('button', { name: 'Přihlásit se' }).click();
    await page.getByRole('link', { name: 'Přepážka' }).click();
    await page.getByLabel('Sedím u přepážky').selectOption('prepazka-2');
    await page.getByRole('heading', { name: /^Přepážka 2/ }).waitFor();

    await page.keyboard.press('n');
    await page.locator('.current-number').getByText('A001').waitFor();
    await eventually('the digits A001', () => box.digits.text.startsWith('A001'));
    assert.is(hall(), 'A001', 'the hall screen calls it');

    // A001 belongs to passports after all: it waits there at its original place, before C002.
    await page.getByLabel('Do služby').selectOption('pasy');
    await page.getByRole('button', { name: 'Předat do služby' }).click();
    await page.locator('.current-number').getByText('nikdo').waitFor();
    const passports = page.locator('h3', { hasText: 'Cestovní doklady' }).locator('xpath=following-sibling::ul[1]');
    await eventually('A001 before C002 in the passport line', async () => ((await passports.textContent()) ?? '').replace(/\s+/g, ' ').match(/A001.*C002/));

    // The booked client called out of order: name, booked time and phone, with nothing typed.
    await page.getByRole('button', { name: 'Vyvolat C001 mimo pořadí' }).click();
    await page.locator('.current-number').getByText('C001').waitFor();
    const card = page.getByLabel('Objednaný klient');
    await card.getByText('Marie Svobodová').waitFor();
    await card.getByText(/objednán\(a\) na 9:15/).waitFor();
    await card.getByRole('link', { name: '+420 777 123 456' }).waitFor();
    await page.getByText(/vyvolán\(a\) mimo pořadí/).waitFor();
    await eventually('the digits C001', () => box.digits.text.startsWith('C001'));

    // She goes to fetch a document: parked, and called back later.
    await page.getByRole('button', { name: /^Odložit stranou/ }).click();
    await page.getByRole('button', { name: 'Vyvolat zpět C001' }).waitFor();
    await eventually('the digits empty', () => box.digits.text.startsWith('----'));
    await page.getByRole('button', { name: /^Další/ }).click();
    await eventually('the next client at the box', () => !box.digits.text.startsWith('----'));
    await page.getByRole('button', { name: 'Vyvolat zpět C001' }).click();
    await page.locator('.current-number').getByText('C001').waitFor();
    assert.is(hall(), 'C001');

    // The work profile: passports only this afternoon; the overview says so.
    await page.getByRole('checkbox', { name: 'Občanské průkazy' }).uncheck();
    await page.getByRole('button', { name: 'Uložit' }).click();
    await eventually('the profile stored', () => office.server.engine.dayState().counters['prepazka-2']?.profile?.join() === 'pasy');

    await page.getByLabel('Důvod pauzy').selectOption('lunch');
    await page.getByRole('button', { name: /^Pauza/ }).click();
    await page.getByRole('heading', { name: /pauza: oběd/ }).waitFor();
    await eventually('the digits say paused', () => box.digits.text.startsWith('P'));
    assert.equal(await axeViolations(page), [], 'the Czech page');

    await page.getByRole('link', { name: 'Přehled' }).click();
    const row = page.getByRole('row', { name: /^2 / });
    await row.getByText('Petr Novák').waitFor();
    await row.getByText(/pracovní profil/).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Counter' }).click();
    await page.getByRole('heading', { name: /^Counter 2 \(paused: lunch\)/ }).waitFor();
    await page.getByRole('button', { name: /^Resume/ }).waitFor();
    assert.equal(await axeViolations(page), [], 'the English page');
  } finally {
    await context.close();
  }
});

test.run();
