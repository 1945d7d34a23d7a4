import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { launchChromium } from '../support/browser.ts';
import { runOffice } from '../support/office-fixture.ts';
import { addAccount, adminToken, goodPassword } from '../support/staff-client.ts';

test('without a mail server the booking site says online booking has not started, and the staff overview says why and what still works', async () => {
  const [browser, office] = await Promise.all([launchChromium(), runOffice({ mailRequired: true, adminToken })]);
  const base = `http://localhost:${office.server.httpPort}`;
  try {
    const page = await browser.newPage();
    await page.goto(base);
    await page.getByRole('heading', { name: /^Objednávání přes internet zatím není spuštěno\./ }).waitFor({ timeout: 10_000 });
    assert.is(await page.getByRole('button', { name: /Cestovní doklady/ }).count(), 0, 'no service to book');

    await addAccount(`http://127.0.0.1:${office.server.httpPort}`, 'reditelka', 'admin');
    await page.goto(`${base}/staff`);
    await page.getByLabel('Uživatelské jméno').fill('reditelka');
    await page.getByLabel('Heslo').fill(goodPassword);
    await page.getByRole('button', { name: 'Přihlásit se' }).click();
    await page
      .getByRole('alert')
      .getByText(/^E-maily občanům se neodesílají: není nastaven poštovní server \(SMTP\)/)
      .waitFor({ timeout: 10_000 });
  } finally {
    await browser.close();
    await office.stop();
  }
});

test.run();
