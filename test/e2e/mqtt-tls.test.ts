import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createLogger } from '../../broker/log.ts';
import { createMailer } from '../../broker/mail/mailer.ts';
import { startOfficeServer } from '../../broker/office-server.ts';
import { FileDocumentStore } from '../../broker/store/document-store.ts';
import { MemoryJournalStore } from '../../broker/store/journal-store.ts';
import { MemoryStore } from '../../broker/store/memory-store.ts';
import { connectAsDevice } from '../../scripts/lib/device-client.ts';
import { provisionDevices } from '../../scripts/lib/provision.ts';
import { SimOffice } from '../../scripts/lib/sim-office.ts';
import { ManualClock } from '../../shared/clock.ts';
import { eventually } from '../support/eventually.ts';
import { kostelec, tuesdayNine } from '../support/office-fixture.ts';
import { tempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;

test('with a certificate from deploy/make-mqtt-cert.sh the server speaks MQTT only over TLS; a device provisioned with it connects, one without it does not', async () => {
  const dir = await tempDir();
  const config = kostelec();
  const clock = new ManualClock(tuesdayNine);
  try {
    await run('bash', [join(root, 'deploy/make-mqtt-cert.sh'), dir.path, '127.0.0.1', 'fronta-server.lan']);
    const cert = await readFile(join(dir.path, 'mqtt-cert.pem'), 'utf8');
    const provisioned = await provisionDevices(config, dir.path, 'mqtts://127.0.0.1:0', false, cert);
    const server = await startOfficeServer({
      config,
      credentialsStore: new FileDocumentStore(provisioned.credentialsPath),
      store: new MemoryStore(),
      bookingStore: new MemoryJournalStore(),
      mailer: createMailer(
        config.mail,
        dir.path,
        createLogger('mail', () => {}),
      ),
      clock,
      logSink: () => {},
      mqttPort: null,
      mqttTls: { cert, key: await readFile(join(dir.path, 'mqtt-key.pem'), 'utf8'), port: 0 },
    });
    try {
      assert.is(server.mqttPort, null, 'no plain MQTT: secrets never cross the LAN in clear text');
      const devices = provisioned.devices.map((d) => ({ ...d, broker: `mqtts://127.0.0.1:${server.mqttsPort}` }));
      const box = devices.find((d) => d.deviceId === 'prepazka-2')!;
      assert.ok(box.brokerCa, 'the device file carries the certificate');
      const client = await connectAsDevice(box, 'tls');
      assert.ok(client.connected);
      await client.endAsync();

      // Without the certificate the device refuses the server before it sends its secret.
      const { brokerCa: _dropped, ...untrusting } = box;
      const refused = await connectAsDevice(untrusting, 'untrusting').then(
        () => 'connected',
        (error: Error) => error.message,
      );
      assert.match(refused, /self.signed|certificate/i);

      // The device runtime itself (MqttLink with the settings' certificate) comes up over TLS.
      const sim = new SimOffice(config, [box], clock);
      await sim.start();
      try {
        await eventually('the counter box online over TLS', () => sim.counter('prepazka-2').digits.text === '----   0');
      } finally {
        await sim.stop();
      }
    } finally {
      await server.stop();
    }
  } finally {
    await dir.remove();
  }
});

test.run();
