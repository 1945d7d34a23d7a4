import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { contract, topic, type TopicName } from '../../shared/contract/topics.ts';
import type { DeviceRole } from '../../shared/contract/device.ts';
import { connectAs, grantOf, listen } from '../support/mqtt-client.ts';
import { runOffice, type RunningOffice } from '../support/office-fixture.ts';

/** One device of each role, and another device of the same role to try to impersonate. */
const devices: Record<DeviceRole, { own: string; other: string }> = {
  kiosk: { own: 'kiosk-hala', other: 'kiosk-chodba' },
  counter: { own: 'prepazka-2', other: 'prepazka-3' },
  display: { own: 'obrazovka-hala', other: 'obrazovka-chodba' },
};
const names = Object.keys(contract) as TopicName[];
const perDevice = (name: TopicName) => contract[name].pattern.includes('{id}');
const access = (table: object, role: DeviceRole) => (table as Partial<Record<DeviceRole, 'own' | 'any'>>)[role];

/** Whether the contract lets `role` (as device `own`) read this concrete topic. */
function readable(role: DeviceRole, own: string, concrete: string): boolean {
  return names.some((name) => {
    const right = access(contract[name].subscribe, role);
    if (!perDevice(name)) return right !== undefined && concrete === topic(name);
    const id = concrete.split('/')[3] ?? '';
    return concrete === topic(name, id) && (right === 'any' || (right === 'own' && id === own));
  });
}

let office: RunningOffice;
test.before(async () => {
  office = await runOffice();
});
test.after(async () => {
  await office.stop();
});

const settingsOf = (id: string) => office.devices.find((d) => d.deviceId === id)!;

for (const role of Object.keys(devices) as DeviceRole[]) {
  const { own, other } = devices[role];

  test(`${role}: every subscription the contract grants is granted, every other one refused, retained messages included`, async () => {
    const client = await connectAs(settingsOf(own));
    const seen = listen(client, '#');
    const refusedFilters: string[] = [];
    for (const name of names) {
      const right = access(contract[name].subscribe, role);
      for (const id of perDevice(name) ? [own, other, '+'] : ['']) {
        const filter = topic(name, id);
        const allowed = right === 'any' || (right === 'own' && (id === own || !perDevice(name)));
        const granted = await grantOf(client, filter);
        assert.is(granted, allowed ? 1 : 128, `${role} subscribing ${filter}`);
        if (!allowed) refusedFilters.push(filter);
      }
    }
    await new Promise((r) => setTimeout(r, 150));
    const leaked = seen.filter((m) => !readable(role, own, m.topic));
    assert.equal(leaked.map((m) => m.topic), [], `${role} received through refused subscriptions: ${refusedFilters.length} refused`);
    await client.endAsync();
  });

  test(`${role}: it may publish exactly where the contract lets it, for itself only`, async () => {
    for (const name of names) {
      const right = access(contract[name].publish, role);
      for (const id of perDevice(name) ? [own, other] : ['']) {
        const allowed = right === 'own' && id === own;
        const client = await connectAs(settingsOf(own));
        client.on('error', () => {});
        let closed = false;
        client.once('close', () => (closed = true));
        // Health is checked against its schema when retained; requests and commands by the engine, which answers.
        const payload = name === 'deviceHealth' ? JSON.stringify({ status: 'ok', at: office.clock.now() }) : '{}';
        client.publish(topic(name, id), payload, { qos: 1, retain: contract[name].retained });
        await new Promise((r) => setTimeout(r, 60));
        assert.is(!closed, allowed, `${role} publishing ${topic(name, id)}: ${allowed ? 'should be allowed' : 'should be refused'}`);
        client.end(true);
      }
    }
  });
}

test.run();
