import type { Browser } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeEscpos, receiptText } from '../../shared/escpos/decode.ts';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { eventually } from '../support/eventually.ts';
import { type RunningOffice, runOffice } from '../support/office-fixture.ts';

let browser: Browser;
test.before(async () => {
  browser = await launchChromium();
});
test.after(async () => {
  await browser.close();
});

test("the ticket's QR page follows its place in the queue and says which counter to go to, without a reload", async () => {
  const office = await runOffice({ withDevices: true });
  const base = `http://127.0.0.1:${office.server.httpPort}`;
  const page = await browser.newPage();
  try {
    const kiosk = office.sim!.kiosk('kiosk-hala');
    await eventually('the kiosk ready', () => kiosk.buttons.lights.get(3));
    kiosk.buttons.press(3);
    await eventually('ticket 1', () => kiosk.printer.printed.length === 1);
    kiosk.buttons.press(3);
    await eventually('ticket 2', () => kiosk.printer.printed.length === 2);
    const qr = /\[QR (\S+)\]/.exec(receiptText(decodeEscpos(kiosk.printer.printed[1]!)))![1]!;
    assert.match(qr, new RegExp(`^http://localhost:${office.server.httpPort}/t/[A-Za-z0-9_-]{22}$`), 'an unguessable address, at the port the server runs on');

    await page.goto(qr);
    await page.getByRole('heading', { name: 'Lístek C002' }).waitFor();
    await page.getByText('Před vámi čeká 1 osoba.').waitFor();
    office.sim!.counter('prepazka-2').buttons.press(1);
    await page.getByText('Před vámi nikdo nečeká.').waitFor({ timeout: 10000 });
    office.sim!.counter('prepazka-3').buttons.press(1);
    await page.getByText('Jste vyvoláni k přepážce 3.').waitFor({ timeout: 10000 });

    await page.goto(`${base}/t/AAAAAAAAAAAAAAAAAAAAAA`);
    await page.getByText('Tento lístek neznáme: platí jen v den vydání.').waitFor();
  } finally {
    await page.close();
    await office.stop();
  }
});

/** Presses a kiosk's button `count` times, each time once the ticket before is printed. */
async function printTickets(office: RunningOffice, kioskId: string, button: number, count: number) {
  const kiosk = office.sim!.kiosk(kioskId);
  await eventually('the kiosk ready', () => kiosk.buttons.lights.get(button));
  for (let k = 1; k <= count; k++) {
    kiosk.buttons.press(button);
    await eventually(`ticket ${k}`, () => kiosk.printer.printed.length === k);
  }
  return kiosk;
}

/** Records what the page does to alert, around Chromium's own Notification, Web Audio and vibration. */
const recordAlerts = () => {
  const w = window as unknown as { alerts: string[] };
  w.alerts = [];
  const Real = window.Notification;
  window.Notification = new Proxy(Real, {
    construct(target, args: [string, NotificationOptions?]) {
      w.alerts.push(`notification: ${args[0]}`);
      return new target(...args);
    },
  });
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: [number?]) {
    w.alerts.push(`sound: ${this.context.state}`);
    return start.apply(this, args);
  };
  const vibrate = Navigator.prototype.vibrate;
  Navigator.prototype.vibrate = function (this: Navigator, pattern: number[]) {
    w.alerts.push(`vibrate: ${String(pattern)}`);
    return vibrate.call(this, pattern);
  };
};

test("the ticket's page alerts once when 3 wait before it and once at the call: a sound, a vibration and a system notification Chromium was allowed to show", async () => {
  const office = await runOffice({ withDevices: true });
  const context = await browser.newContext();
  await context.grantPermissions(['notifications']);
  await context.addInitScript(recordAlerts);
  const page = await context.newPage();
  try {
    const kiosk = await printTickets(office, 'kiosk-hala', 3, 6);
    const qr = /\[QR (\S+)\]/.exec(receiptText(decodeEscpos(kiosk.printer.printed[5]!)))![1]!;
    await page.goto(qr);
    await page.getByText('Před vámi čeká 5 osob.').waitFor();
    await page.getByRole('button', { name: 'Upozornit mě zvukem a oznámením' }).click();
    await page.getByText(/Upozornění je zapnuté/).waitFor();
    const alerts = () => page.evaluate(() => (window as unknown as { alerts: string[] }).alerts);
    assert.equal(await alerts(), [], 'nothing yet with 5 ahead');

    const counter = office.sim!.counter('prepazka-3');
    const call = async (k: number) => {
      counter.buttons.press(1);
      await eventually(`call ${k}`, () => counter.digits.text.startsWith(`C00${k}`));
    };
    await call(1);
    await page.getByText('Před vámi čekají 4 osoby.').waitFor({ timeout: 10000 });
    await call(2);
    await page.getByText('Blíží se vaše pořadí, připravte se.').waitFor({ timeout: 10000 });
    await page.waitForFunction(() => (window as unknown as { alerts: string[] }).alerts.some((a) => a.startsWith('notification')));
    assert.equal(await alerts(), ['sound: running', 'sound: running', 'vibrate: 300,150,300', 'notification: Lístek C006: blíží se vaše pořadí']);
    await call(3);
    await page.getByText('Před vámi čekají 2 osoby.').waitFor({ timeout: 10000 });
    await call(4);
    await call(5);
    await call(6);
    await page.getByText('Jste vyvoláni k přepážce 3.').waitFor({ timeout: 10000 });
    await page.waitForFunction(() => (window as unknown as { alerts: string[] }).alerts.length === 8);
    assert.equal(
      (await alerts()).slice(4),
      ['sound: running', 'sound: running', 'vibrate: 300,150,300', 'notification: Lístek C006: jste na řadě'],
      'the call alerts once more, and being nearer did not',
    );
  } finally {
    await context.close();
    await office.stop();
  }
});

test('the office status page lists every service: open or closed, waiting, estimated wait, tickets left', async () => {
  const office = await runOffice({ withDevices: true });
  const base = `http://127.0.0.1:${office.server.httpPort}`;
  const page = await browser.newPage();
  try {
    await printTickets(office, 'kiosk-chodba', 1, 2);
    await page.goto(`${base}/status?lang=en`);
    const row = page.getByRole('row', { name: /Vehicle register/ });
    await row.getByText('2 people').waitFor({ timeout: 10000 });
    assert.match((await row.textContent())!, /open/);
    assert.match((await row.textContent())!, /98/, 'tickets left of the transport workplace: 100 − 2');
    assert.is(await page.getByRole('row').count(), 1 + office.config.services.length);
  } finally {
    await page.close();
    await office.stop();
  }
});

for (const language of ['cs', 'en'] as const) {
  test(`axe-core finds no WCAG 2.1 AA violations on the status and ticket pages (${language})`, async () => {
    const office = await runOffice({ withDevices: true });
    const base = `http://127.0.0.1:${office.server.httpPort}`;
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      const kiosk = office.sim!.kiosk('kiosk-hala');
      await eventually('the kiosk ready', () => kiosk.buttons.lights.get(2));
      kiosk.buttons.press(2);
      await eventually('a ticket', () => kiosk.printer.printed.length === 1);
      const token = /\/t\/([A-Za-z0-9_-]{22})/.exec(receiptText(decodeEscpos(kiosk.printer.printed[0]!)))![1]!;
      await page.goto(`${base}/status?lang=${language}`);
      await page.locator('table.status').waitFor();
      assert.equal(await axeViolations(page), [], 'status page');
      await page.goto(`${base}/t/${token}?lang=${language}`);
      await page.locator('.ticket-state').waitFor();
      assert.equal(await axeViolations(page), [], 'ticket page');
    } finally {
      await context.close();
      await office.stop();
    }
  });
}

test('the status page fits a phone: nothing wider than a 390 px screen, every value of every service on it', async () => {
  const office = await runOffice();
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  try {
    await page.goto(`http://127.0.0.1:${office.server.httpPort}/status`);
    await page.getByRole('row').nth(office.config.services.length).waitFor();
    const widest = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    assert.ok(widest <= 390, `the page is ${widest} px wide`);
    // Each value is named by its column, which is hidden: the label is drawn before it.
    const labels = await page
      .locator('table.status tbody tr:first-child td')
      .evaluateAll((cells) => cells.map((cell) => (globalThis as unknown as { getComputedStyle(e: unknown, p: string): { content: string } }).getComputedStyle(cell, '::before').content));
    assert.equal(labels, ['"Stav: "', '"Čeká: "', '"Odhad čekání: "', '"Zbývá lístků: "']);
  } finally {
    await page.close();
    await office.stop();
  }
});

test.run();
