import type { Browser, Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { launchChromium } from '../support/browser.ts';
import { kostelecEasyProof, runOffice } from '../support/office-fixture.ts';

const config = kostelecEasyProof();

let browser: Browser;
test.before(async () => {
  browser = await launchChromium();
});
test.after(async () => {
  await browser.close();
});

/** Tab until the focused element's text matches, as a keyboard user would. */
async function tabTo(page: Page, name: RegExp, most = 60): Promise<void> {
  for (let k = 0; k < most; k++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = (globalThis as unknown as { document: { activeElement: { textContent: string | null; getAttribute(n: string): string | null } | null } }).document.activeElement;
      return `${el?.textContent ?? ''} ${el?.getAttribute('aria-label') ?? ''} ${el?.getAttribute('id') ?? ''}`;
    });
    if (name.test(focused)) return;
  }
  throw new Error(`${name} never got the focus`);
}

test('the whole booking can be made with the keyboard alone, and each step puts the focus on its heading', async () => {
  const office = await runOffice({ config });
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${office.server.httpPort}/`);
    await page.getByRole('button', { name: /Cestovní doklady/ }).waitFor();
    await tabTo(page, /Cestovní doklady/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '2. Vyberte den' }).waitFor();
    assert.is(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { tagName: string } } }).document.activeElement.tagName), 'H2');
    await page.getByRole('button', { name: /^středa 25\. listopadu 2026/ }).waitFor();
    // A day that cannot be booked keeps the focus (and says why) but does nothing on Enter.
    await tabTo(page, /sobota 28\. listopadu/);
    await page.keyboard.press('Enter');
    assert.ok(await page.getByRole('heading', { name: '2. Vyberte den' }).isVisible());
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '3. Vyberte čas' }).waitFor();
    await tabTo(page, /^\s*\d+:\d\d/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '4. Vaše údaje' }).waitFor();
    await tabTo(page, /name$/);
    await page.keyboard.type('Jana Nováková');
    await page.keyboard.press('Tab');
    await page.keyboard.type('jana@example.cz');
    await tabTo(page, /consent$/);
    await page.keyboard.press('Space');
    await tabTo(page, /Odeslat rezervaci/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Zkontrolujte svůj e-mail' }).waitFor();
    assert.is(office.server.bookings.ledger.bookings().length, 1);
    assert.is(office.server.bookings.ledger.bookings()[0]!.day, '2026-11-26', 'Thursday: two Shift+Tabs back from Saturday');
  } finally {
    await page.close();
    await office.stop();
  }
});

test.run();
