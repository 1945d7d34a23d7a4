import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's chromium, driven by playwright-core: no browser is downloaded. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** The booking page's last step: the time chosen, the details filled in with consent, and the form sent. */
export async function sendBooking(page: Page, time: RegExp, name: string, email: string): Promise<void> {
  await page.getByRole('button', { name: time }).click();
  await page.getByLabel('Jméno a příjmení').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/Souhlasím/).check();
  await page.getByRole('button', { name: 'Odeslat rezervaci' }).click();
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe-core against the page (WCAG 2.0/2.1 A and AA rules) and returns its violations, summarised. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  // Runs in the page; this file is compiled without the DOM types, hence the shape spelled out.
  type Axe = { run: (context: unknown, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
  const result = await page.evaluate(async () => {
    const page = globalThis as unknown as { axe: Axe; document: unknown };
    return page.axe.run(page.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
