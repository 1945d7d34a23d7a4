import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spokenCall } from '../../shared/texts/spoken-call.ts';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { eventually } from '../support/eventually.ts';
import { staffClient } from '../support/staff-client.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The first README command's program (scripts/office.ts), as a newcomer runs it, on ports the OS
 * chooses: the address of the virtual office is read from what it prints.
 */
async function startOffice(): Promise<{ url: string; staffPassword: string; stop(): Promise<void> }> {
  const dir = await tempDir();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/office.ts'], {
    cwd: root,
    env: {
      ...process.env,
      FRONTA_DATA_DIR: dir.path,
      FRONTA_MQTT_PORT: '0',
      FRONTA_HTTP_PORT: '0',
      FRONTA_START_AT: '2026-11-24T09:00:00+01:00',
      FRONTA_NO_BROWSER: '1',
    },
    stdio: ['ignore', 'pipe', 'ignore', 'ipc'],
  });
  let staffPassword = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the office printed no virtual office address within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`the office exited with ${code}`)));
    let found = '';
    createInterface({ input: child.stdout! }).on('line', (line) => {
      found ||= /^Virtual office .*?: (http\S+)$/.exec(line)?.[1] ?? '';
      staffPassword ||= /^Staff pages: .* password "([^"]+)"$/.exec(line)?.[1] ?? '';
      if (!found || !staffPassword) return;
      clearTimeout(timer);
      resolve(found);
    });
  });
  return {
    url,
    staffPassword,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await dir.remove();
    },
  };
}

let browser: Browser;
let office: Awaited<ReturnType<typeof startOffice>>;
test.before(async () => {
  [browser, office] = await Promise.all([launchChromium(), startOffice()]);
});
test.after(async () => {
  await browser.close();
  await office.stop();
});

const announcements = (page: Page) => page.locator('[data-testid=announcements] li').evaluateAll((items) => items.map((li) => li.textContent ?? ''));
const kiosk = (page: Page) => page.getByRole('region', { name: /Vstupní hala u hlavních dveří/ });
const counter = (page: Page, n: number) => page.getByRole('region', { name: new RegExp(`^Přepážka ${n} `) });

test('pressing a service button on a virtual kiosk prints a ticket, drawn from its ESC/POS bytes, with its number and Czech text', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(office.url);
    // Lit: the service is open and the kiosk online, as the real device's lamp would say.
    const button = kiosk(page).getByRole('button', { name: 'A Občanské průkazy (svítí)' });
    await button.click({ timeout: 15_000 });
    const ticket = kiosk(page).getByRole('figure', { name: 'Lístek č. 1 z této tiskárny' });
    await ticket.waitFor({ timeout: 10_000 });
    const text = (await ticket.textContent())!;
    assert.match(text, 'Městský úřad Kostelec nad Orlicí');
    assert.match(text, 'A001');
    assert.match(text, 'Občanské průkazy');
    assert.match(text, 'Před vámi nikdo nečeká');
    assert.match(text, 'Vyčkejte na vyvolání čísla.');
    // The QR code is drawn from the data the printer was told to encode: the ticket's status page.
    const qr = await ticket.getByRole('img').getAttribute('aria-label');
    assert.match(qr!, new RegExp(`^QR: ${new URL(office.url).origin}/t/[A-Za-z0-9_-]{16,}$`), 'the address the server runs at, as the virtual office is');
    await kiosk(page).getByRole('status', { name: 'Displej' }).getByText('Lístek A001').waitFor();
  } finally {
    await page.close();
  }
});

test('Next on a virtual counter calls the ticket: its LED digits, the hall screen, and announcements queued in order, none lost', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(office.url);
    const cards = kiosk(page).getByRole('button', { name: 'A Občanské průkazy (svítí)' });
    // Tickets A002…A004 on top of the first test's A001.
    for (let k = 2; k <= 4; k++) {
      await cards.click({ timeout: 15_000 });
      await kiosk(page)
        .getByRole('figure', { name: `Lístek č. ${k} z této tiskárny` })
        .waitFor({ timeout: 10_000 });
    }
    await counter(page, 2).getByRole('button', { name: 'Další' }).click();
    await counter(page, 2)
      .getByText(/^A001\s+3$/)
      .waitFor({ timeout: 10_000 });
    await page.getByTestId('newest').getByText('A001').waitFor({ timeout: 10_000 });
    assert.match((await page.getByTestId('newest').textContent())!, /přepážka 2/);

    // Three clerks press in quick succession (one mouse cannot press three at once; a click does not
    // wait for the broker): every call is announced, in the order the calls were made.
    for (const n of [3, 4, 2]) await counter(page, n).getByRole('button', { name: 'Další' }).click();
    const said = await eventually(
      'four announcements',
      async () => {
        const list = await announcements(page);
        return list.length === 4 ? list : undefined;
      },
      20_000,
    );
    // The board lists the calls newest first; the announcements must be the same calls, oldest first.
    const spoken = (text: string | null) => {
      const [, number, counterNumber] = /([A-Z]\d{3,4})\D+(\d+)/.exec(text ?? '')!;
      return spokenCall(number!, Number(counterNumber));
    };
    const newest = spoken(await page.getByTestId('newest').textContent());
    const earlier = (await page.locator('.earlier li').allTextContents()).map(spoken);
    assert.equal(said, [...earlier.slice(0, 3).reverse(), newest]);
    assert.equal(said.map((s) => s.split(',')[0]).sort(), ['A001', 'A002', 'A003', 'A004'].map((n) => spokenCall(n, 1).split(',')[0]).sort());
  } finally {
    await page.close();
  }
});

test('a newcomer is told where to start, each counter says what it serves and where, and the counters begin on the first screen of a 1080p monitor with tickets printed', async () => {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    await page.goto(office.url);
    await kiosk(page).getByRole('figure', { name: 'Lístek č. 4 z této tiskárny' }).waitFor({ timeout: 15_000 });
    const steps = await page.getByRole('list', { name: 'Začněte takto:' }).getByRole('listitem').allTextContents();
    assert.match(steps[0]!, /U\stiskárny „Vstupní hala u\shlavních dveří“ stiskněte P\sPokladna/);
    assert.match(steps[1]!, /U\spřepážky 1 stiskněte Další/);
    const facts = await counter(page, 2).locator('dd').allTextContents();
    assert.is(facts.length, 2);
    assert.is(facts[0], 'A Občanské průkazy, C Cestovní doklady');
    assert.match(facts[1]!, /^Vstupní hala u\shlavních dveří$/);
    const top = await page.getByRole('heading', { name: 'Přepážky' }).evaluate((h) => h.getBoundingClientRect().top);
    assert.ok(top < 1080, `the counters start ${top} px down`);
    assert.is(await kiosk(page).getByRole('figure').count(), 1, 'older tickets are folded away');
  } finally {
    await page.close();
  }
});

test('the virtual keypad types a code the kiosk checks, and paper taken away stops the printing', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(office.url);
    const hall = kiosk(page);
    const lcd = hall.getByRole('status', { name: 'Displej' });
    await hall.getByRole('button', { name: 'A Občanské průkazy (svítí)' }).waitFor({ timeout: 15_000 });
    for (const digit of '12345678') await hall.getByRole('button', { name: digit, exact: true }).click();
    await lcd.getByText('12345678').first().waitFor({ timeout: 10_000 });
    await hall.getByRole('button', { name: 'Potvrdit' }).click();
    await lcd.getByText('Neznámý kód,').waitFor({ timeout: 10_000 });

    const printedBefore = await hall.getByRole('figure').count();
    await hall.getByLabel('Papír v tiskárně').selectOption('paperOut');
    await hall.getByRole('button', { name: 'A Občanské průkazy (svítí)' }).click();
    await lcd.getByText('Došel papír').waitFor({ timeout: 10_000 });
    assert.is(await hall.getByRole('figure').count(), printedBefore, 'nothing printed');
    await hall.getByLabel('Papír v tiskárně').selectOption('ok');
    // The next test needs the paper back: closing the page before the kiosk took it would leave the lamps dark.
    await hall.getByRole('button', { name: 'A Občanské průkazy (svítí)' }).waitFor({ timeout: 10_000 });
  } finally {
    await page.close();
  }
});

test('a caller booked on the staff pages types the code on the virtual keypad, gets a booking ticket, and is called', async () => {
  const base = new URL(office.url).origin.replace('localhost', '127.0.0.1');
  const staff = staffClient(base);
  assert.is((await staff.login('spravce', office.staffPassword)).status, 200, 'the printed login works');
  const slot = (await staff.call('GET', '/api/staff/services/pasy/slots?day=2026-11-24')).body!.slots[0];
  const booked = await staff.call('POST', '/api/staff/bookings', { serviceId: 'pasy', startsAt: slot.startsAt, name: 'Marie Svobodová', phone: '+420 777 123 456', language: 'cs' });
  assert.is(booked.status, 201);
  const code: string = booked.body!.code;

  const page = await browser.newPage();
  try {
    await page.goto(office.url);
    const hall = kiosk(page);
    await hall.getByRole('button', { name: 'C Cestovní doklady (svítí)' }).waitFor({ timeout: 15_000 });
    // The page shows the newest ticket it knows; its label counts the kiosk's tickets so far.
    const newest = await hall.getByRole('figure').first().getAttribute('aria-label');
    const printed = Number(/č\. (\d+)/.exec(newest ?? '')?.[1] ?? 0);
    for (const digit of code) await hall.getByRole('button', { name: digit, exact: true }).click();
    await hall.getByRole('button', { name: 'Potvrdit' }).click();
    const ticket = hall.getByRole('figure', { name: `Lístek č. ${printed + 1} z této tiskárny` });
    await ticket.waitFor({ timeout: 10_000 });
    assert.match((await ticket.textContent())!, `Rezervace na ${slot.time}`);
    assert.match((await ticket.textContent())!, 'C001');

    await counter(page, 3).getByRole('button', { name: 'Další' }).click();
    await page.getByTestId('newest').getByText('C001').waitFor({ timeout: 10_000 });
    const list = (await staff.call('GET', '/api/staff/bookings?day=2026-11-24')).body!.bookings;
    assert.equal(
      list.map((b: { name: string; status: string; ticketNumber: string }) => [b.name, b.status, b.ticketNumber]),
      [['Marie Svobodová', 'checkedIn', 'C001']],
    );
  } finally {
    await page.close();
  }
});

test('the virtual office reads in English too, and axe-core finds no WCAG 2.1 AA violations in either language', async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  try {
    await page.goto(office.url);
    await kiosk(page)
      .getByRole('button', { name: /^A Občanské průkazy/ })
      .waitFor({ timeout: 15_000 });
    assert.equal(await axeViolations(page), []);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Virtual office' }).waitFor();
    await page
      .getByRole('region', { name: /Entrance hall by the front door/ })
      .getByRole('button', { name: /^A Identity cards \((lit|dark)\)$/ })
      .waitFor();
    assert.is(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await axeViolations(page), []);
  } finally {
    await context.close();
  }
});

test.run();
