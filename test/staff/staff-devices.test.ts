import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileDurably } from '../../broker/store/durable-file.ts';
import { enrol } from '../../device/enrol.ts';
import { readLocalSettings } from '../../device/local-settings.ts';
import type { DeviceRow } from '../../shared/contract/enrolment.ts';
import { simulatorId } from '../../shared/contract/simulation.ts';
import { topic, topicFilter } from '../../shared/contract/topics.ts';
import { eventually } from '../support/eventually.ts';
import { collect, connectAs } from '../support/mqtt-client.ts';
import { runOffice } from '../support/office-fixture.ts';
import { addAccount, adminToken, staffClient } from '../support/staff-client.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Resolves when the broker has closed the client's connection; waits as long as `eventually` does. */
function closed(client: MqttClient): Promise<void> {
  let gone = false;
  client.once('close', () => (gone = true));
  return eventually('the broker to close the connection', () => gone).then(() => undefined);
}
const refusedLogin = (attempt: Promise<MqttClient>) =>
  attempt.then(
    (client) => {
      client.end(true);
      return 'connected';
    },
    (error: Error) => error.message,
  );

async function officeWithAdmin(simulating = false) {
  const office = await runOffice({ adminToken, simulating });
  const base = `http://127.0.0.1:${office.server.httpPort}`;
  await addAccount(base, 'reditelka', 'admin');
  await addAccount(base, 'novak', 'clerk');
  const admin = staffClient(base);
  await admin.login('reditelka');
  const clerk = staffClient(base);
  await clerk.login('novak');
  return { office, base, admin, clerk };
}

test('a replaced kiosk gets a secret of its own by a one-time code: the broken Pi is cut off, every other device keeps its secret and its connection', async () => {
  const { office, base, admin, clerk } = await officeWithAdmin();
  const dir = await tempDir();
  try {
    const old = office.devices.find((d) => d.deviceId === 'kiosk-hala')!;
    const counter = office.devices.find((d) => d.deviceId === 'prepazka-3')!;
    const brokenPi = await connectAs(old);
    const counterBox = await connectAs(counter);
    const brokenPiClosed = closed(brokenPi);
    let counterClosed = false;
    counterBox.on('close', () => (counterClosed = true));

    assert.is((await clerk.call('POST', '/api/staff/devices/kiosk-hala/enrolment')).status, 403, 'a clerk does not enrol devices');
    assert.is((await admin.call('POST', '/api/staff/devices/no-such-kiosk/enrolment')).body!.error.code, 'notFound');
    const offered = await admin.call('POST', '/api/staff/devices/kiosk-hala/enrolment');
    assert.is(offered.status, 200);
    assert.match(offered.body!.code, /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const rows: DeviceRow[] = (await admin.call('GET', '/api/staff/devices')).body!.devices;
    const row = rows.find((r) => r.deviceId === 'kiosk-hala')!;
    assert.equal([row.role, row.enrolled, row.online, row.offer?.code], ['kiosk', true, true, offered.body!.code]);

    // The new Pi keeps the wiring already written in its file, and is typed the code in lower case.
    const path = join(dir.path, 'device.json');
    await writeFileDurably(path, JSON.stringify({ hardware: { printer: { kind: 'network', host: '10.0.0.21', port: 9100 } } }));
    assert.equal(await enrol(base, offered.body!.code.toLowerCase(), path), { deviceId: 'kiosk-hala', role: 'kiosk' });
    const settings = await readLocalSettings(path);
    assert.equal([settings.deviceId, settings.broker, settings.hardware], ['kiosk-hala', office.brokerUrl, { printer: { kind: 'network', host: '10.0.0.21', port: 9100 } }]);
    assert.is.not(settings.secret, old.secret);

    await brokenPiClosed;
    assert.match(await refusedLogin(connectAs(old)), 'Bad username or password', "the broken Pi's secret no longer logs in");
    const newPi = await connectAs(settings);
    const configs = await collect(newPi, topic('deviceConfig', 'kiosk-hala'));
    await eventually('its retained configuration', () => configs.length > 0);
    assert.is(counterClosed, false, "the counter box's connection was left alone");
    (await connectAs(counter, { clientId: 'prepazka-3~check' })).end(true);

    const again = await admin.call('POST', '/api/enrol', { code: offered.body!.code });
    assert.equal([again.status, again.body!.error.code], [404, 'unknownCode'], 'a code works once');
    const malformed = await admin.call('POST', '/api/enrol', { code: 'I0O1' });
    assert.equal([malformed.status, malformed.body!.error.code], [400, 'invalidRequest']);
    assert.ok(
      office.logs.every((l) => !l.includes(settings.secret)),
      'the secret is never logged',
    );
    newPi.end(true);
    counterBox.end(true);
  } finally {
    await office.stop();
    await dir.remove();
  }
});

test('revoking a device disconnects it at once and it cannot log in again; an unused code is void after revoking', async () => {
  const { office, admin } = await officeWithAdmin();
  try {
    const counter = office.devices.find((d) => d.deviceId === 'prepazka-5')!;
    const box = await connectAs(counter);
    const gone = closed(box);
    const offered = await admin.call('POST', '/api/staff/devices/prepazka-5/enrolment');
    const revoked = await admin.call('DELETE', '/api/staff/devices/prepazka-5/secret');
    assert.equal([revoked.status, revoked.body], [200, { disconnected: 1 }]);
    await gone;
    assert.match(await refusedLogin(connectAs(counter)), 'Bad username or password');
    const late = await admin.call('POST', '/api/enrol', { code: offered.body!.code });
    assert.is(late.body!.error.code, 'unknownCode');
    const row = ((await admin.call('GET', '/api/staff/devices')).body!.devices as DeviceRow[]).find((r) => r.deviceId === 'prepazka-5')!;
    assert.equal([row.enrolled, row.offer], [false, null]);
  } finally {
    await office.stop();
  }
});

test('a counter added in the settings logs in once enrolled, with its role; one removed loses its secret, its connection and its retained configuration', async () => {
  const { office, base, admin } = await officeWithAdmin(true);
  const dir = await tempDir();
  try {
    const seven = office.devices.find((d) => d.deviceId === 'prepazka-7')!;
    const box = await connectAs(seven);
    const gone = closed(box);
    const { config } = (await admin.call('GET', '/api/staff/settings')).body!;
    config.counters = config.counters.filter((c: { id: string }) => c.id !== 'prepazka-7');
    config.counters.push({ id: 'prepazka-8', number: 8, serviceIds: ['zivnosti'] });
    const saved = await admin.call('PUT', '/api/staff/settings', { config, cancelAffected: false });
    assert.is(saved.status, 200, JSON.stringify(saved.body));
    await gone;
    assert.match(await refusedLogin(connectAs(seven)), 'Bad username or password', 'a removed counter no longer logs in');

    const offered = await admin.call('POST', '/api/staff/devices/prepazka-8/enrolment');
    const path = join(dir.path, 'device.json');
    await enrol(base, offered.body!.code, path);
    const eight = await connectAs(await readLocalSettings(path));
    const configs = await collect(eight, topic('deviceConfig', 'prepazka-8'));
    const received = await eventually('the new counter configuration', () => configs[0]);
    assert.equal(received.payload, { role: 'counter', deviceId: 'prepazka-8', number: 8, serviceIds: ['zivnosti'] });
    eight.end(true);

    // What the broker still retains, read by the one role that may read every device's configuration.
    const watcher = await connectAs({ broker: office.brokerUrl, deviceId: simulatorId, secret: office.simulatorSecret, hardware: {} });
    const retained = await collect(watcher, topicFilter('deviceConfig'));
    await eventually("the new counter's retained configuration", () => retained.some((r) => r.topic === topic('deviceConfig', 'prepazka-8')));
    await eventually("a configured kiosk's", () => retained.some((r) => r.topic === topic('deviceConfig', 'kiosk-hala')));
    assert.not.ok(
      retained.some((r) => r.topic === topic('deviceConfig', 'prepazka-7')),
      "the removed counter's configuration is no longer retained",
    );
    watcher.end(true);

    const kioskAsCounter = structuredClone(config);
    kioskAsCounter.kiosks = kioskAsCounter.kiosks.filter((k: { id: string }) => k.id !== 'kiosk-hala');
    kioskAsCounter.counters.push({ id: 'kiosk-hala', number: 9, serviceIds: ['zivnosti'] });
    const refused = await admin.call('PUT', '/api/staff/settings', { config: kioskAsCounter, cancelAffected: false });
    assert.equal([refused.status, refused.body!.error.code], [400, 'invalidRequest']);
    assert.match(refused.body!.error.detail, 'a device keeps its role');
  } finally {
    await office.stop();
    await dir.remove();
  }
});

test.run();
