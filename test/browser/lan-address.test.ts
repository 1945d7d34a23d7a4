import { chromium } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runOffice } from '../support/office-fixture.ts';

/**
 * A hall TV opens the server by its LAN name over plain HTTP, as deploy/README.md sets it up. The
 * name is mapped to loopback inside Chromium, which treats `localhost` and `127.0.0.1` as secure
 * and would hide what an office's TV meets.
 */
test('the hall screen loads and connects over plain HTTP at a LAN name: no script is sent to HTTPS', async () => {
  const office = await runOffice();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--host-resolver-rules=MAP fronta-server.lan 127.0.0.1'],
  });
  try {
    const page = await browser.newPage();
    const secret = office.devices.find((d) => d.deviceId === 'obrazovka-hala')!.secret;
    const response = await page.goto(`http://fronta-server.lan:${office.server.httpPort}/hall?display=obrazovka-hala#key=${encodeURIComponent(secret)}`);
    assert.not.match(response!.headers()['content-security-policy']!, 'upgrade-insecure-requests');
    await page.getByText('Vyčkejte prosím na vyvolání').waitFor({ timeout: 15_000 });
  } finally {
    await browser.close();
    await office.stop();
  }
});

test.run();
