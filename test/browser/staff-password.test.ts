import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { launchChromium } from '../support/browser.ts';
import { runOffice } from '../support/office-fixture.ts';
import { addAccount, adminToken, goodPassword, staffClient } from '../support/staff-client.ts';

test('a clerk changes their password on "Moje heslo": a wrong current one is refused in Czech; after the change they log in with the new one', async () => {
  const [browser, office] = await Promise.all([launchChromium(), runOffice({ adminToken })]);
  const base = `http://localhost:${office.server.httpPort}`;
  try {
    await addAccount(`http://127.0.0.1:${office.server.httpPort}`, 'novak', 'clerk', 'Petr Novák');
    const page = await browser.newPage();
    const logIn = async (password: string) => {
      await page.getByLabel('Uživatelské jméno').fill('novak');
      await page.getByLabel('Heslo', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Přihlásit se' }).click();
    };
    await page.goto(`${base}/staff`);
    await logIn(goodPassword);
    await page.getByRole('link', { name: 'Moje heslo' }).click();
    await page.getByLabel('Současné heslo').fill('špatné-heslo-000');
    await page.getByLabel(/^Nové heslo/).fill('jiné-dlouhé-heslo-456');
    await page.getByRole('button', { name: 'Změnit heslo' }).click();
    await page.getByRole('alert').getByText('Nesprávné jméno nebo heslo.').waitFor();

    await page.getByLabel('Současné heslo').fill(goodPassword);
    await page.getByRole('button', { name: 'Změnit heslo' }).click();
    await page.getByText('Heslo je změněno. Přihlaste se novým heslem.').waitFor();
    await logIn('jiné-dlouhé-heslo-456');
    await page.getByRole('heading', { name: 'Přehled úřadu' }).waitFor();
    assert.ok(await page.getByText('Přihlášen(a): Petr Novák').isVisible());
  } finally {
    await browser.close();
    await office.stop();
  }
});

test("an administrator sets a colleague's new password on Účty; the colleague logs in with it", async () => {
  const [browser, office] = await Promise.all([launchChromium(), runOffice({ adminToken })]);
  const base = `http://localhost:${office.server.httpPort}`;
  try {
    await addAccount(`http://127.0.0.1:${office.server.httpPort}`, 'reditelka', 'admin', 'Jana Nováková');
    await addAccount(`http://127.0.0.1:${office.server.httpPort}`, 'novak', 'clerk', 'Petr Novák');
    const page = await browser.newPage();
    await page.goto(`${base}/staff`);
    await page.getByLabel('Uživatelské jméno').fill('reditelka');
    await page.getByLabel('Heslo', { exact: true }).fill(goodPassword);
    await page.getByRole('button', { name: 'Přihlásit se' }).click();
    await page.getByRole('link', { name: 'Účty' }).click();
    await page.getByLabel('Účet', { exact: true }).selectOption('novak');
    await page.locator('#reset-password').fill('heslo-od-reditelky-321');
    await page.getByRole('button', { name: 'Nastavit heslo' }).click();
    await page.getByRole('status').getByText('Uloženo.').waitFor();
    assert.is((await staffClient(base).login('novak', goodPassword)).status, 401);
    assert.is((await staffClient(base).login('novak', 'heslo-od-reditelky-321')).status, 200);
  } finally {
    await browser.close();
    await office.stop();
  }
});

test.run();
