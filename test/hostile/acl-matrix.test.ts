import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LocalSettings } from '../../device/local-settings.ts';
import { simulatorId } from '../../shared/contract/simulation.ts';
import { type ClientRole, contract, type TopicName, topic } from '../../shared/contract/topics.ts';
import { connectAs, grantOf, listen } from '../support/mqtt-client.ts';
import { type RunningOffice, runOffice } from '../support/office-fixture.ts';

/** One login of each role, and another of the same role to try to impersonate (the virtual office has no twin). */
const logins: Record<ClientRole, { own: string; other: string }> = {
  kiosk: { own: 'kiosk-hala', other: 'kiosk-chodba' },
  counter: { own: 'prepazka-2', other: 'prepazka-3' },
  display: { own: 'obrazovka-hala', other: 'obrazovka-chodba' },
  simulator: { own: simulatorId, other: 'kiosk-hala' },
};
const names = Object.keys(contract) as TopicName[];
const perDevice = (name: TopicName) => contract[name].pattern.includes('{id}');

/** The contract's right, where the topic exists: simulation-only topics do not on a production server. */
function right(table: 'publish' | 'subscribe', name: TopicName, role: ClientRole, simulating: boolean): 'own' | 'any' | undefined {
  if ('simulationOnly' in contract[name] && !simulating) return undefined;
  return (contract[name][table] as Partial<Record<ClientRole, 'own' | 'any'>>)[role];
}

/** Whether the contract lets `role` (as login `own`) read this concrete topic. */
function readable(role: ClientRole, own: string, concrete: string, simulating: boolean): boolean {
  return names.some((name) => {
    const may = right('subscribe', name, role, simulating);
    if (!perDevice(name)) return may !== undefined && concrete === topic(name);
    const id = concrete.split('/')[3] ?? '';
    return concrete === topic(name, id) && (may === 'any' || (may === 'own' && id === own));
  });
}

/** A payload the broker accepts where it checks one (retained topics); others are checked by their receiver. */
function payloadFor(name: TopicName, at: number): string {
  if (name === 'deviceHealth') return JSON.stringify({ status: 'ok', at });
  if (name === 'simOutput') return JSON.stringify({ at });
  return '{}';
}

for (const simulating of [false, true]) {
  const mode = simulating ? 'simulating server' : 'production server';
  const test = suite(mode);
  let office: RunningOffice;
  test.before(async () => {
    office = await runOffice({ simulating });
  });
  test.after(async () => {
    await office.stop();
  });
  const settingsOf = (id: string): LocalSettings =>
    id === simulatorId ? { broker: office.brokerUrl, deviceId: simulatorId, secret: office.simulatorSecret, hardware: {} } : office.devices.find((d) => d.deviceId === id)!;

  test(`${mode}: the virtual office's login is ${simulating ? 'accepted' : 'refused, although its secret is known'}`, async () => {
    const attempt = connectAs(settingsOf(simulatorId)).then(
      async (client) => {
        await client.endAsync();
        return true;
      },
      () => false,
    );
    assert.is(await attempt, simulating);
  });

  for (const role of Object.keys(logins) as ClientRole[]) {
    if (role === 'simulator' && !simulating) continue;
    const { own, other } = logins[role];

    test(`${mode}, ${role}: every subscription the contract grants is granted, every other one refused, retained messages included`, async () => {
      const client = await connectAs(settingsOf(own));
      const seen = listen(client, '#');
      const refusedFilters: string[] = [];
      for (const name of names) {
        const may = right('subscribe', name, role, simulating);
        for (const id of perDevice(name) ? [own, other, '+'] : ['']) {
          const filter = topic(name, id);
          const allowed = may === 'any' || (may === 'own' && (id === own || !perDevice(name)));
          const granted = await grantOf(client, filter);
          assert.is(granted, allowed ? 1 : 128, `${role} subscribing ${filter}`);
          if (!allowed) refusedFilters.push(filter);
        }
      }
      await new Promise((r) => setTimeout(r, 150));
      const leaked = seen.filter((m) => !readable(role, own, m.topic, simulating));
      assert.equal(
        leaked.map((m) => m.topic),
        [],
        `${role} received through refused subscriptions: ${refusedFilters.length} refused`,
      );
      await client.endAsync();
    });

    test(`${mode}, ${role}: it may publish exactly where the contract lets it, for itself only unless it may for any`, async () => {
      for (const name of names) {
        const may = right('publish', name, role, simulating);
        for (const id of perDevice(name) ? [own, other] : ['']) {
          const allowed = may === 'any' || (may === 'own' && id === own);
          const client = await connectAs(settingsOf(own));
          client.on('error', () => {});
          // At QoS 1 the broker answers either way: PUBACK when it accepts, closing the connection when it refuses.
          const answer = await new Promise<'accepted' | 'refused'>((resolve) => {
            client.once('close', () => resolve('refused'));
            client.publish(topic(name, id), payloadFor(name, office.clock.now()), { qos: 1, retain: contract[name].retained }, (error) => error || resolve('accepted'));
          });
          assert.is(answer === 'accepted', allowed, `${role} publishing ${topic(name, id)}: ${allowed ? 'should be allowed' : 'should be refused'}`);
          client.end(true);
        }
      }
    });
  }
  test.run();
}
