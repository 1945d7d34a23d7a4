import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BookingJournalEntry } from '../../broker/booking/booking-journal.ts';
import { createLogger } from '../../broker/log.ts';
import { createMailer } from '../../broker/mail/mailer.ts';
import { startOfficeServer } from '../../broker/office-server.ts';
import { FileDocumentStore, MemoryDocumentStore } from '../../broker/store/document-store.ts';
import { MemoryJournalStore } from '../../broker/store/journal-store.ts';
import { MemoryStore } from '../../broker/store/memory-store.ts';
import { provisionDevices } from '../../scripts/lib/provision.ts';
import { SimOffice } from '../../scripts/lib/sim-office.ts';
import { ManualClock } from '../../shared/clock.ts';
import { eventually } from '../support/eventually.ts';
import { kostelec, tuesdayNine } from '../support/office-fixture.ts';
import { tempDir } from '../support/temp-dir.ts';

test('with the broker away devices say so and print nothing; they recover by themselves', async () => {
  const config = kostelec();
  const clock = new ManualClock(tuesdayNine);
  const store = new MemoryStore();
  const dir = await tempDir();
  const provisioned = await provisionDevices(config, dir.path, 'mqtt://127.0.0.1:0');
  const bookingStore = new MemoryJournalStore<BookingJournalEntry>();
  const start = (mqttPort = 0) =>
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
      logSink: () => {},
    });
  let server = await start();
  const devices = provisioned.devices.map((d) => ({ ...d, broker: `mqtt://127.0.0.1:${server.mqttPort}` }));
  const office = new SimOffice(config, devices, clock);
  try {
    await office.start();
    const kiosk = office.kiosk('kiosk-hala');
    const box = office.counter('prepazka-2');
    await eventually('the passport button lit', () => kiosk.buttons.lights.get(3));

    await server.stop();
    await eventually('the kiosk to say it is out of service', () => kiosk.lcd.lines[0] === 'Mimo provoz');
    assert.is(kiosk.buttons.lights.get(3), false);
    assert.is(box.digits.text, '--------');
    kiosk.buttons.press(3);
    box.buttons.press(1);
    await new Promise((r) => setTimeout(r, 300));
    assert.is(kiosk.printer.printed.length, 0);

    server = await start(server.mqttPort!);
    await eventually('the kiosk back to its welcome', () => kiosk.lcd.lines[0] === 'Dobrý den,', 8000);
    await eventually('the passport button lit again', () => kiosk.buttons.lights.get(3));
    // Nothing pressed while the broker was away reached the engine.
    assert.equal(server.engine.hallCalls().calls, []);
    kiosk.buttons.press(3);
    await eventually('one ticket', () => kiosk.printer.printed.length === 1);
    await eventually('the counter to see it', () => box.digits.text === '----   1');
  } finally {
    await office.stop();
    await server.stop();
    await dir.remove();
  }
});

test.run();
