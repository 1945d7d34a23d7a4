import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { putOffice } from '../../broker/hub/hub-offices.ts';
import { migrate } from '../../broker/store/pg/migrate.ts';
import { withPublicBase } from '../../shared/config/public-address.ts';
import { launchChromium, sendBooking } from '../support/browser.ts';
import { eventually } from '../support/eventually.ts';
import { hubProcessEnv, startHubProcess } from '../support/hub-process.ts';
import { kostelec, tuesdayNine } from '../support/office-fixture.ts';
import { startPostgres } from '../support/postgres.ts';
import { tempDir } from '../support/temp-dir.ts';

const office = (id: string, cs: string, en: string) =>
  withPublicBase(
    kostelec((c) => {
      c.office.name = { cs, en };
      c.booking = { proofOfWork: { minCounter: 500, maxCounter: 2000 } };
    }),
    `http://hub.example/o/${id}`,
  );

test("at the hub's site the citizen picks the office, then books on that office's pages, confirms from the e-mail and gets a code; the queues' status, which is the office's own, is not offered", async () => {
  const postgres = await startPostgres();
  const dir = await tempDir();
  const browser = await launchChromium();
  try {
    const pool = await postgres.database();
    await migrate(pool);
    await putOffice(pool, 'kostelec', office('kostelec', 'Městský úřad Kostelec nad Orlicí', 'Municipal Office of Kostelec nad Orlicí'));
    await putOffice(pool, 'rychnov', office('rychnov', 'Městský úřad Rychnov nad Kněžnou', 'Municipal Office of Rychnov nad Kněžnou'));
    const hub = await startHubProcess(await hubProcessEnv(postgres, pool, dir.path, { FRONTA_CLOCK_OFFSET_MS: String(tuesdayNine - Date.now()) }));
    const base = `http://127.0.0.1:${hub.httpPort}`;
    const page = await browser.newPage();
    try {
      await page.goto(base);
      await page.getByRole('heading', { name: 'Vyberte úřad' }).waitFor();
      assert.ok(await page.getByRole('link', { name: 'Městský úřad Rychnov nad Kněžnou' }).isVisible(), 'every office listed');
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
      await hub.stop();
    }
  } finally {
    await browser.close();
    await postgres.stop();
    await dir.remove();
  }
});

test.run();
