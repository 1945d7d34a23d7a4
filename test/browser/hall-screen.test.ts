/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Browser, Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BookingJournalEntry } from '../../broker/booking/booking-journal.ts';
import { createLogger } from '../../broker/log.ts';
import { createMailer } from '../../broker/mail/mailer.ts';
import { type OfficeServer, startOfficeServer } from '../../broker/office-server.ts';
import { FileDocumentStore, MemoryDocumentStore } from '../../broker/store/document-store.ts';
import { MemoryJournalStore } from '../../broker/store/journal-store.ts';
import { MemoryStore } from '../../broker/store/memory-store.ts';
import { provisionDevices } from '../../scripts/lib/provision.ts';
import { SimOffice } from '../../scripts/lib/sim-office.ts';
import { ManualClock } from '../../shared/clock.ts';
import { spokenCall } from '../../shared/texts/spoken-call.ts';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { eventually } from '../support/eventually.ts';
import { kostelec, tuesdayNine } from '../support/office-fixture.ts';
import { tempDir } from '../support/temp-dir.ts';

let browser: Browser;
test.before(async () => {
  browser = await launchChromium();
});
test.after(async () => {
  await browser.close();
});

/** A whole office whose server can be taken away and brought back on the same ports. */
async function hallOffice() {
  const config = kostelec();
  const clock = new ManualClock(tuesdayNine);
  const dir = await tempDir();
  const provisioned = await provisionDevices(config, dir.path, 'mqtt://127.0.0.1:0');
  const store = new MemoryStore();
  const bookingStore = new MemoryJournalStore<BookingJournalEntry>();
  const start = (mqttPort = 0, httpPort = 0) =>
    startOfficeServer({
      config,
      credentialsStore: new FileDocumentStore(provisioned.credentialsPath),
      store,
      bookingStore,
      staffStore: new MemoryDocumentStore(),
      mailer: createMailer(
        config.mail,
        dir.path,
        createLogger('mail', () => {}),
      ),
      clock,
      mqttPort,
      httpPort,
      logSink: () => {},
    });
  let server: OfficeServer = await start();
  const devices = provisioned.devices.map((d) => ({ ...d, broker: `mqtt://127.0.0.1:${server.mqttPort}` }));
  const sim = new SimOffice(config, devices, clock);
  await sim.start();
  const secret = devices.find((d) => d.deviceId === 'obrazovka-hala')!.secret;
  return {
    sim,
    calls: () => server.engine.hallCalls().calls,
    hallUrl: () => `http://127.0.0.1:${server.httpPort}/hall?display=obrazovka-hala#key=${encodeURIComponent(secret)}`,
    async away() {
      await server.stop();
    },
    async back() {
      server = await start(server.mqttPort!, server.httpPort);
    },
    async stop() {
      await sim.stop();
      await server.stop();
      await dir.remove();
    },
  };
}

const announcements = (page: Page) => page.locator('[data-testid=announcements] li').evaluateAll((items) => items.map((li) => `${li.getAttribute('data-state')}: ${li.textContent}`));

test('Next on a counter shows the call on the hall screen, and several calls in quick succession are announced in order, none lost', async () => {
  const office = await hallOffice();
  const page = await browser.newPage();
  try {
    await page.goto(office.hallUrl());
    await page.getByText('Vyčkejte prosím na vyvolání').waitFor();
    // The board is drawn before the screen's broker connection is up: wait for that (its banner gone).
    await page.getByText('Mimo provoz – připojuji se znovu…').waitFor({ state: 'hidden' });
    const kiosk = office.sim.kiosk('kiosk-hala');
    await eventually('the kiosk ready', () => kiosk.buttons.lights.get(3));
    for (let k = 0; k < 4; k++) {
      kiosk.buttons.press(3);
      await eventually(`ticket ${k + 1}`, () => kiosk.printer.printed.length === k + 1);
    }
    await page.getByText(/čekají 4 osoby/).waitFor();

    office.sim.counter('prepazka-2').buttons.press(1);
    await page.getByTestId('newest').getByText('C001').waitFor();
    assert.match((await page.getByTestId('newest').textContent())!, /přepážka 2/);
    await eventually('the first announcement', async () => (await announcements(page)).length === 1);
    assert.match((await announcements(page))[0]!, /Číslo cé jedna, přepážka číslo dva\./);

    // Two counters call and recall at once: four more announcements, in the order the engine made the calls.
    office.sim.counter('prepazka-3').buttons.press(1);
    office.sim.counter('prepazka-2').buttons.press(1);
    office.sim.counter('prepazka-3').buttons.press(2);
    office.sim.counter('prepazka-2').buttons.press(2);
    const all = await eventually(
      'five announcements, all spoken',
      async () => {
        const list = await announcements(page);
        return list.length === 5 && list.every((a) => a.startsWith('done')) ? list : undefined;
      },
      20_000,
    );
    const made = office
      .calls()
      .slice()
      .reverse()
      .map((c) => spokenCall(c.number, c.counterNumber));
    assert.is(made.length, 5);
    assert.equal(
      all.map((a) => a.replace(/^done: /, '')),
      made,
    );
  } finally {
    await page.close();
    await office.stop();
  }
});

test('with the broker away the hall screen says it is offline, and it recovers by itself when the broker returns', async () => {
  const office = await hallOffice();
  const page = await browser.newPage();
  try {
    await page.goto(office.hallUrl());
    await page.getByText('Vyčkejte prosím na vyvolání').waitFor();
    await page.locator('.offline').waitFor({ state: 'detached', timeout: 10000 });
    await office.away();
    await page.getByText('Mimo provoz – připojuji se znovu…').waitFor();
    await office.back();
    await page.locator('.offline').waitFor({ state: 'detached', timeout: 10000 });
    // Live again, without a reload: a new call shows.
    const kiosk = office.sim.kiosk('kiosk-hala');
    await eventually('the kiosk back', () => kiosk.buttons.lights.get(3), 8000);
    kiosk.buttons.press(3);
    await eventually('a ticket', () => kiosk.printer.printed.length === 1);
    office.sim.counter('prepazka-2').buttons.press(1);
    await page.getByTestId('newest').getByText('C001').waitFor();
  } finally {
    await page.close();
    await office.stop();
  }
});

/** Where the board's parts lie on the screen, and how large their text is, measured by Chromium. */
function measureBoard() {
  const box = (e: Element) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  };
  const size = (selector: string) => Math.min(...[...document.querySelectorAll(selector)].map((e) => parseFloat(getComputedStyle(e).fontSize)));
  const parts = ['.newest', '.earlier', 'aside'].map((s) => box(document.querySelector(`.hall ${s}`)!));
  const texts = [...document.querySelectorAll('.hall .newest p, .hall .earlier li, .hall aside li')].map(box);
  return {
    page: { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight },
    parts,
    texts,
    earlierLines: [...document.querySelectorAll('.hall .earlier li')].map((li) =>
      Math.round(
        li.getBoundingClientRect().height / parseFloat(getComputedStyle(li).lineHeight === 'normal' ? String(parseFloat(getComputedStyle(li).fontSize) * 1.2) : getComputedStyle(li).lineHeight),
      ),
    ),
    sizes: { newest: size('.hall .newest .number'), earlier: size('.hall .earlier li'), waiting: size('.hall aside strong'), english: size('.hall aside span[lang=en]') },
  };
}

test('on a TV at 720p, 1080p and 4K and on a portrait screen the whole board shows: nothing cut off or overlapping, each earlier call on one line, text large enough for the hall', async () => {
  const office = await hallOffice();
  try {
    const hala = office.sim.kiosk('kiosk-hala');
    await eventually('the kiosk ready', () => hala.buttons.lights.get(1) && hala.buttons.lights.get(4));
    // Three tickets of each of the hall's four services, and nine calls: a board as full as it gets.
    for (let k = 0; k < 12; k++) {
      hala.buttons.press((k % 4) + 1);
      await eventually(`ticket ${k + 1}`, () => hala.printer.printed.length === k + 1);
    }
    for (let k = 0; k < 9; k++) {
      const counter = office.sim.counter(`prepazka-${(k % 4) + 1}`);
      counter.buttons.press(1);
      await eventually(`call ${k + 1}`, () => office.calls().length === k + 1);
    }
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
      [3840, 2160],
      [1080, 1920],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height } });
      // tsx names the nested functions of measureBoard with a helper the page does not have.
      await page.addInitScript('globalThis.__name = (f) => f');
      try {
        await page.goto(office.hallUrl());
        await page.locator('.earlier li').nth(7).waitFor();
        await page.getByText(/Evidence obyvatel/).waitFor();
        const m = await page.evaluate(measureBoard);
        const at = `${width}×${height}`;
        assert.ok(m.page.width <= width && m.page.height <= height, `${at}: the page scrolls (${m.page.width}×${m.page.height})`);
        for (const t of m.texts) assert.ok(t.left >= 0 && t.top >= 0 && t.right <= width && t.bottom <= height, `${at}: text cut off at ${JSON.stringify(t)}`);
        assert.is(m.texts.length, 1 + 8 + 4, `${at}: the newest call, eight earlier ones, four services`);
        for (let a = 0; a < 3; a++)
          for (let b = a + 1; b < 3; b++) {
            const [p, q] = [m.parts[a]!, m.parts[b]!];
            assert.ok(p.right <= q.left || q.right <= p.left || p.bottom <= q.top || q.bottom <= p.top, `${at}: parts ${a} and ${b} overlap`);
          }
        assert.ok(
          m.earlierLines.every((lines) => lines === 1),
          `${at}: an earlier call wraps (${m.earlierLines})`,
        );
        // Relative to the screen's shorter side, since a TV's physical size does not change with its resolution.
        const short = Math.min(width, height);
        assert.ok(m.sizes.newest >= 0.18 * short, `${at}: newest call ${m.sizes.newest}px`);
        assert.ok(m.sizes.earlier >= 0.05 * short && m.sizes.waiting >= 0.04 * short && m.sizes.english >= 0.025 * short, `${at}: ${JSON.stringify(m.sizes)}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await office.stop();
  }
});

test('axe-core finds no WCAG 2.1 AA violations on the hall screen', async () => {
  const office = await hallOffice();
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  try {
    await page.goto(office.hallUrl());
    await page.getByText('Vyčkejte prosím na vyvolání').waitFor();
    assert.equal(await axeViolations(page), []);
  } finally {
    await context.close();
    await office.stop();
  }
});

test.run();
