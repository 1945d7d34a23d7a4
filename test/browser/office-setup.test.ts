import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { enrol } from '../../device/enrol.ts';
import { readLocalSettings } from '../../device/local-settings.ts';
import { topic } from '../../shared/contract/topics.ts';
import { launchChromium } from '../support/browser.ts';
import { eventually } from '../support/eventually.ts';
import { collect, connectAs } from '../support/mqtt-client.ts';
import { runOffice } from '../support/office-fixture.ts';
import { addAccount, adminToken, goodPassword, staffClient } from '../support/staff-client.ts';
import { tempDir } from '../support/temp-dir.ts';

test('an administrator builds out the office on the staff pages: renames it, adds a workplace, a service, a counter serving it and a kiosk with its button; the new kiosk is enrolled by the code Zařízení shows and prints that service', async () => {
  const [browser, office, dir] = await Promise.all([launchChromium(), runOffice({ adminToken }), tempDir()]);
  const base = `http://localhost:${office.server.httpPort}`;
  try {
    await addAccount(base, 'reditelka', 'admin', 'Jana Nováková');
    const page = await browser.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${base}/staff`);
    await page.getByLabel('Uživatelské jméno').fill('reditelka');
    await page.getByLabel('Heslo', { exact: true }).fill(goodPassword);
    await page.getByRole('button', { name: 'Přihlásit se' }).click();
    await page.getByRole('link', { name: 'Nastavení' }).click();

    await page.getByLabel('Název úřadu česky').fill('Městský úřad Kostelec n. O.');
    await page.getByLabel(/^Adresa budovy/).fill('Palackého náměstí 38, 517 41 Kostelec nad Orlicí');
    await page.getByLabel('Název pracoviště česky', { exact: true }).last().fill('Stavební úřad');
    await page.getByRole('button', { name: 'Přidat pracoviště' }).click();
    await page.getByRole('group', { name: 'Přidat službu' }).getByLabel('Název česky').fill('Stavební povolení');
    await page.getByRole('group', { name: 'Přidat službu' }).getByLabel('Písmeno lístku').fill('j');
    await page.getByLabel('Pracoviště', { exact: true }).selectOption({ label: 'Stavební úřad' });
    await page.getByRole('button', { name: 'Přidat službu' }).click();
    await page.getByLabel('Číslo přepážky', { exact: true }).last().fill('8');
    await page.getByRole('button', { name: 'Přidat přepážku' }).click();
    const counter = page.getByRole('group', { name: /Přepážka 8/ });
    await counter.getByLabel('Stavební povolení').check();
    await counter.getByLabel(/Pokladna/).uncheck();
    await page.locator('#new-kiosk-id').fill('kiosk-patro');
    await page.locator('#new-kiosk-name').fill('Kiosek v patře');
    await page.getByRole('button', { name: 'Přidat kiosek' }).click();
    await page
      .getByRole('group', { name: /Kiosek v patře/ })
      .getByLabel('Tlačítko 1')
      .selectOption({ label: 'J – Stavební povolení' });
    await page.getByRole('button', { name: 'Zkontrolovat změny' }).click();
    await page.getByRole('button', { name: 'Uložit nastavení' }).click();
    await page.getByText(/^Uloženo/).waitFor();

    const config = office.server.engine.config;
    assert.is(config.office.name.cs, 'Městský úřad Kostelec n. O.');
    assert.is(config.office.address, 'Palackého náměstí 38, 517 41 Kostelec nad Orlicí');
    const service = config.services.find((s) => s.name.cs === 'Stavební povolení')!;
    assert.equal([service.id, service.letter, service.workplaceId], ['stavebni-povoleni', 'J', 'stavebni-urad']);
    assert.equal(
      config.counters.find((c) => c.number === 8),
      { id: 'prepazka-8', number: 8, serviceIds: ['stavebni-povoleni'] },
    );
    assert.equal(config.kiosks.find((k) => k.id === 'kiosk-patro')!.buttons, [{ button: 1, serviceId: 'stavebni-povoleni' }]);

    await page.getByRole('link', { name: 'Zařízení' }).click();
    const row = page.getByRole('row', { name: /Kiosek v patře/ });
    await row.getByText('Nezapojeno (nemá klíč)').waitFor();
    await row.getByRole('button', { name: 'Vydat kód: Kiosek v patře' }).click();
    const command = await row.locator('pre').textContent();
    const code = /([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})$/.exec(command!)?.[1];
    assert.ok(command!.startsWith(`curl -fsS ${base}/device/install.sh | sudo bash -s -- `), command!);
    const path = join(dir.path, 'device.json');
    assert.equal(await enrol(base, code!, path), { deviceId: 'kiosk-patro', role: 'kiosk' });

    const kiosk = await connectAs(await readLocalSettings(path));
    const configs = await collect(kiosk, topic('deviceConfig', 'kiosk-patro'));
    const received = (await eventually('the kiosk configuration', () => configs[0])).payload as { buttons: unknown[]; officeName: { cs: string } };
    assert.equal(received.buttons, [{ button: 1, serviceId: 'stavebni-povoleni', letter: 'J', name: { cs: 'Stavební povolení', en: 'Stavební povolení' } }]);
    assert.is(received.officeName.cs, 'Městský úřad Kostelec n. O.');
    kiosk.end(true);
    await page.reload();
    await page
      .getByRole('row', { name: /Kiosek v patře/ })
      .getByText(/^Zapojeno/)
      .waitFor();
    assert.is((await staffClient(base).login('reditelka')).status, 200);
  } finally {
    await browser.close();
    await office.stop();
    await dir.remove();
  }
});

test.run();
