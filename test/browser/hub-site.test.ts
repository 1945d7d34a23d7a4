import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import type { Browser } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cryptoDraw } from '../../broker/booking/booking-ledger.ts';
import { HubBook } from '../../broker/hub/hub-book.ts';
import { putOffice, readOffice } from '../../broker/hub/hub-offices.ts';
import { HubStaffAccounts } from '../../broker/hub/hub-staff-accounts.ts';
import { emptyCell } from '../../broker/statistics/day-aggregate.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import { bookCallerAtHub } from '../../scripts/lib/hub-caller.ts';
import type { ServerProcess } from '../../scripts/lib/server-process.ts';
import { withPublicBase } from '../../shared/config/public-address.ts';
import { staffRulesSchema } from '../../shared/config/schema.ts';
import type { BookingSlots } from '../../shared/contract/booking-api.ts';
import { axeViolations, launchChromium, sendBooking } from '../support/browser.ts';
import { eventually } from '../support/eventually.ts';
import { hubProcessEnv, startHubProcess } from '../support/hub-process.ts';
import { kostelec, tuesdayNine } from '../support/office-fixture.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { goodPassword } from '../support/staff-client.ts';
import { tempDir } from '../support/temp-dir.ts';

const office = (id: string, cs: string, en: string) =>
  withPublicBase(
    kostelec((c) => {
      c.office.name = { cs, en };
      c.booking = { proofOfWork: { minCounter: 500, maxCounter: 2000 } };
    }),
    `http://hub.example/o/${id}`,
  );

let postgres: TestPostgres;
let pool: pg.Pool;
let dir: Awaited<ReturnType<typeof tempDir>>;
let browser: Browser;
let hub: ServerProcess;
let base: string;

test.before(async () => {
  postgres = await startPostgres();
  dir = await tempDir();
  browser = await launchChromium();
  pool = await postgres.database();
  await migrate(pool);
  await putOffice(pool, 'kostelec', office('kostelec', 'Městský úřad Kostelec nad Orlicí', 'Municipal Office of Kostelec nad Orlicí'));
  await putOffice(pool, 'rychnov', office('rychnov', 'Městský úřad Rychnov nad Kněžnou', 'Municipal Office of Rychnov nad Kněžnou'));
  hub = await startHubProcess(await hubProcessEnv(postgres, pool, dir.path, { FRONTA_CLOCK_OFFSET_MS: String(tuesdayNine - Date.now()) }));
  base = `http://127.0.0.1:${hub.httpPort}`;
});

test.after(async () => {
  await hub.stop();
  await browser.close();
  await postgres.stop();
  await dir.remove();
});

test("at the hub's site the citizen picks the office, then books on that office's pages, confirms from the e-mail and gets a code; the queues' status, which is the office's own, is not offered", async () => {
  const page = await browser.newPage();
  try {
    await page.goto(base);
    await page.getByRole('heading', { name: 'Vyberte úřad' }).waitFor();
    // Every office listed (the list comes after the heading, with its own request).
    await page.getByRole('link', { name: 'Městský úřad Rychnov nad Kněžnou' }).waitFor();
    await page.getByRole('link', { name: 'Městský úřad Kostelec nad Orlicí' }).click();
    await page.waitForURL(`${base}/o/kostelec/`);
    await page.getByRole('button', { name: /Cestovní doklady/ }).click();
    await page.getByRole('button', { name: /^středa 25\. listopadu 2026, \d+ vol/ }).click();
    await sendBooking(page, /^10:00,/, 'Jana Nováková', 'jana@example.cz');
    await page.getByRole('heading', { name: 'Zkontrolujte svůj e-mail' }).waitFor();

    const outbox = join(dir.path, 'hub-data', 'kostelec', 'outbox');
    const mail = await eventually('the link mail', async () => {
      const names = (await readdir(outbox).catch(() => [] as string[])).filter((n) => n.endsWith('.html'));
      return names.length > 0 ? readFile(join(outbox, names[0]!), 'utf8') : undefined;
    });
    const link = /href="([^"]+\/confirm\/[^"]+)"/.exec(mail)![1]!;
    assert.ok(link.startsWith('http://hub.example/o/kostelec/confirm/'), `the link leads to the office's pages at the hub: ${link}`);
    await page.goto(link.replace('http://hub.example', base));
    await page.getByRole('button', { name: 'Potvrdit rezervaci' }).click();
    assert.match((await page.getByTestId('code').textContent())!, /^\d{8}$/);
    // The header's office name leads to the office's first page, at the hub too.
    await page.getByRole('link', { name: 'Městský úřad Kostelec nad Orlicí' }).click();
    await page.waitForURL(`${base}/o/kostelec/`);
    await page.getByRole('link', { name: 'Změnit nebo zrušit rezervaci' }).waitFor();
    assert.is(await page.getByRole('link', { name: 'Změnit nebo zrušit rezervaci' }).getAttribute('href'), '/o/kostelec/cancel');
    assert.is(await page.getByRole('link', { name: 'Stav front na úřadě' }).count(), 0, "the queues' status is at the office");
  } finally {
    await page.close();
  }
});

test("a time taken while the citizen filled in the form is refused, and the page does not offer it again though the hub's list, up to seconds old, still does; a day found with no time left is said to be so", async () => {
  const page = await browser.newPage();
  const slotsUrl = `${base}/o/kostelec/api/services/pasy/days/2026-11-25`;
  let stale: string | undefined;
  // The list as the page first got it, answered again after the time is gone: as a process's cache would.
  await page.route(slotsUrl, async (route) => {
    if (stale === undefined) stale = await (await route.fetch()).text();
    await route.fulfill({ status: 200, contentType: 'application/json', body: stale });
  });
  try {
    await page.goto(`${base}/o/kostelec/`);
    await page.getByRole('button', { name: /Cestovní doklady/ }).click();
    await page.getByRole('button', { name: /^středa 25\. listopadu 2026, \d+ vol/ }).click();
    await page.getByRole('button', { name: /^11:00,/ }).waitFor();
    const eleven = (JSON.parse(stale!) as BookingSlots).slots.find((s) => s.time === '11:00')!;
    // Meanwhile the hub's staff book every place of 11:00 for callers.
    const office = (await readOffice(pool, 'kostelec'))!;
    const book = new HubBook(pool, cryptoDraw);
    for (let k = 0; k < eleven.free; k++) await bookCallerAtHub(book, office, { serviceId: 'pasy', startsAt: eleven.startsAt, name: `Volající ${k}` }, tuesdayNine);
    await sendBooking(page, /^11:00,/, 'Petr Dvořák', 'petr@example.cz');
    await page.getByText('Tento čas už není volný. Vyberte prosím jiný.').waitFor();
    await page.getByRole('button', { name: /^11:30,/ }).waitFor();
    assert.ok(
      (JSON.parse(stale!) as BookingSlots).slots.some((s) => s.time === '11:00'),
      'the list the page got again still offers 11:00',
    );
    assert.is(await page.getByRole('button', { name: /^11:00,/ }).count(), 0, 'the page does not');

    // A day the list still calls free, whose last time went meanwhile: the page says so.
    await page.route(`${base}/o/kostelec/api/services/pasy/days/2026-11-26`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ serviceId: 'pasy', day: '2026-11-26', slots: [] }) }),
    );
    await page.getByRole('button', { name: 'Zpět' }).click();
    await page.getByRole('button', { name: /^čtvrtek 26\. listopadu 2026, \d+ vol/ }).click();
    await page.getByText('Tento den už nemá volný čas. Vyberte prosím jiný den.').waitFor();
  } finally {
    await page.close();
  }
});

test("the hub's staff pages: the region's administrator compares the offices, then picks an office, books a caller at its pages; an office's clerk who logs in at the region's is sent on to their office", async () => {
  const rules = staffRulesSchema.parse({});
  const accounts = new HubStaffAccounts(pool, { now: () => Date.now(), rules: () => rules });
  await accounts.add({ username: 'kraj', name: 'Krajská Správkyně', role: 'admin', password: goodPassword }, null);
  await accounts.add({ username: 'petra', name: 'Petra Malá', role: 'clerk', password: goodPassword }, 'kostelec');
  for (const [officeId, issued] of [
    ['kostelec', 12],
    ['rychnov', 7],
  ] as const)
    await pool.query('INSERT INTO hub_office_days (office_id, day, cells) VALUES ($1, $2, $3)', [officeId, '2026-11-23', JSON.stringify({ 'pasy/09': { ...emptyCell(), issued } })]);
  // axe is injected as a script; the site's own CSP would rightly refuse it.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const logIn = async (username: string) => {
    await page.getByLabel('Uživatelské jméno').fill(username);
    await page.getByLabel('Heslo').fill(goodPassword);
    await page.getByRole('button', { name: 'Přihlásit se' }).click();
  };
  try {
    await page.goto(`${base}/staff`);
    await logIn('kraj');
    await page.getByRole('heading', { name: 'Podle úřadů' }).waitFor();
    const byOffice = page.getByRole('table', { name: 'Podle úřadů' });
    assert.match((await byOffice.getByRole('row', { name: /Kostelec/ }).textContent())!, /12/);
    assert.match((await byOffice.getByRole('row', { name: /Rychnov/ }).textContent())!, /7/);
    assert.is(await page.getByRole('link', { name: 'Rezervace' }).count(), 0, "the region's pages have no office's bookings");
    assert.equal(await axeViolations(page), [], "the region's statistics, by WCAG 2.1 AA");

    await page.getByLabel('Pracoviště').selectOption({ label: 'Městský úřad Kostelec nad Orlicí' });
    await page.waitForURL(`${base}/o/kostelec/staff`);
    await page.getByRole('heading', { name: 'Rezervace' }).waitFor();
    // A caller of the office, booked by the region's staff at the office's pages here.
    await page.getByRole('heading', { name: 'Objednat klienta (telefon, e-mail, osobně)' }).waitFor();
    await page.getByLabel('Služba', { exact: true }).selectOption('pasy');
    await page.getByLabel('Jméno a příjmení klienta').fill('Marie Svobodová');
    await page.getByRole('button', { name: 'Objednat', exact: true }).click();
    const booked = await page.getByText(/Objednáno na .+\. Identifikační kód: \d{8}/).textContent({ timeout: 10_000 });
    const code = /(\d{8})/.exec(booked!)![1]!;
    await page.getByRole('cell', { name: 'Marie Svobodová', exact: true }).waitFor();
    assert.is((await pool.query("SELECT record->>'bookedBy' AS by FROM hub_bookings WHERE record->>'code' = $1", [code])).rows[0]?.by, 'kraj', 'stored at the hub as the clerk booked it');
    await page.getByRole('heading', { name: 'Objednávání přes internet' }).waitFor();
    assert.match((await page.getByRole('region', { name: 'Objednávání přes internet' }).textContent())!, /Objednávání přes internet běží/, "the office's crisis switch, for its administrators");
    assert.equal(await axeViolations(page), [], "an office's bookings at the hub, by WCAG 2.1 AA");
    await page.getByRole('link', { name: 'Statistiky' }).click();
    await page.waitForURL(`${base}/o/kostelec/staff/statistics`);
    await page.getByRole('heading', { name: 'Podle služeb' }).waitFor();
    assert.match((await page.getByRole('link', { name: /Stáhnout CSV/ }).getAttribute('href'))!, /^\/o\/kostelec\/api\/staff\/statistics\.csv\?/);
    await page.getByRole('button', { name: 'Odhlásit se' }).click();

    await page.goto(`${base}/staff`);
    await logIn('petra');
    await page.waitForURL(`${base}/o/kostelec/staff`);
    await page.getByRole('heading', { name: 'Rezervace' }).waitFor();
    assert.equal(await page.getByLabel('Pracoviště').locator('option').allTextContents(), ['Městský úřad Kostelec nad Orlicí'], 'her own office only');
  } finally {
    await context.close();
  }
});

test.run();
