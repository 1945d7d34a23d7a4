import { connectAsync } from 'mqtt';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eventually } from '../support/eventually.ts';
import { collect, connectAs, grantOf, listen } from '../support/mqtt-client.ts';
import { type RunningOffice, runOffice } from '../support/office-fixture.ts';

let office: RunningOffice;
const device = (id: string) => office.devices.find((d) => d.deviceId === id)!;

test.before(async () => {
  office = await runOffice();
});
test.after(async () => {
  await office.stop();
});

const refusedWith = async (connecting: Promise<unknown>): Promise<number | undefined> => {
  try {
    await connecting;
    return undefined;
  } catch (error) {
    return (error as { code?: number }).code;
  }
};

test('an anonymous client is refused', async () => {
  const code = await refusedWith(connectAsync(office.brokerUrl, { protocolVersion: 4, reconnectPeriod: 0, clientId: 'anonymous' }));
  assert.is(code, 4); // CONNACK 4: bad user name or password
});

test('a wrong secret, an unknown device and a borrowed client id are refused', async () => {
  assert.is(await refusedWith(connectAs(device('kiosk-hala'), { secret: 'not-the-secret-at-all' })), 4);
  assert.is(await refusedWith(connectAs({ ...device('kiosk-hala'), deviceId: 'stranger' })), 4);
  assert.is(await refusedWith(connectAs(device('kiosk-hala'), { clientId: 'kiosk-chodba' })), 2);
  assert.is(await refusedWith(connectAs(device('kiosk-hala'), { clientId: 'kiosk-hala-2' })), 2);
});

test("a diagnostic tool may connect beside a device as id~suffix, with the device's rights", async () => {
  const tool = await connectAs(device('kiosk-hala'), { clientId: 'kiosk-hala~sub' });
  assert.is(await grantOf(tool, 'fronta/v1/kiosk/kiosk-hala/reply'), 1);
  assert.is(await grantOf(tool, 'fronta/v1/kiosk/kiosk-chodba/reply'), 128);
  await tool.endAsync();
});

const closedAfterPublishing = async (id: string, topic: string, payload: string, retain = false) => {
  const client = await connectAs(device(id));
  const closed = new Promise<boolean>((resolve) => client.once('close', () => resolve(true)));
  client.publish(topic, payload, { qos: 1, retain });
  const result = await Promise.race([closed, new Promise<boolean>((r) => setTimeout(() => r(false), 1500))]);
  await client.endAsync(true);
  return result;
};

test('a kiosk publishing for another kiosk is disconnected and the refusal is logged', async () => {
  assert.ok(await closedAfterPublishing('kiosk-hala', 'fronta/v1/kiosk/kiosk-chodba/request', '{}'));
  assert.ok(office.logs.some((l) => l.includes('refused publish') && l.includes('kiosk-hala may not publish for kiosk-chodba')));
});

test('a display may publish nothing; a counter may not play the engine', async () => {
  assert.ok(await closedAfterPublishing('obrazovka-hala', 'fronta/v1/hall/calls', '{"calls":[]}', true));
  assert.ok(await closedAfterPublishing('prepazka-2', 'fronta/v1/counter/prepazka-2/state', '{}', true));
  assert.ok(await closedAfterPublishing('prepazka-2', 'fronta/v1/counter/prepazka-3/command', '{}'));
  assert.ok(await closedAfterPublishing('kiosk-hala', 'fronta/v1/kiosk/kiosk-hala/request', '{}', true));
});

test('refused subscriptions get SUBACK 0x80 and no retained message leaks through them', async () => {
  const kiosk = await connectAs(device('kiosk-hala'));
  const leaked = listen(kiosk, '#');
  const grants = await Promise.all(
    ['fronta/v1/device/prepazka-2/config', 'fronta/v1/counter/+/state', 'fronta/v1/hall/calls', 'fronta/v1/#', 'fronta/v1/kiosk/kiosk-chodba/reply', '#'].map((filter) => grantOf(kiosk, filter)),
  );
  assert.equal(grants, [128, 128, 128, 128, 128, 128]);
  const own = await collect(kiosk, 'fronta/v1/device/kiosk-hala/config');
  await eventually("the kiosk's own retained config", () => own.length > 0);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(
    leaked.map((m) => m.topic).filter((t) => t !== 'fronta/v1/device/kiosk-hala/config'),
    [],
  );
  await kiosk.endAsync();
});

test('a display reads calls, counter states and service statuses, not requests', async () => {
  const display = await connectAs(device('obrazovka-hala'));
  const grants = await Promise.all(
    ['fronta/v1/hall/calls', 'fronta/v1/counter/+/state', 'fronta/v1/service/+/status', 'fronta/v1/kiosk/+/request', 'fronta/v1/device/+/health'].map((filter) => grantOf(display, filter)),
  );
  assert.equal(grants, [1, 1, 1, 128, 128]);
  await display.endAsync();
});

test.run();
