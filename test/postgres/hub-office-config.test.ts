import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { putOffice } from '../../broker/hub/hub-offices.ts';
import { MemoryDocumentStore } from '../../broker/store/document-store.ts';
import { withPublicBase } from '../../shared/config/public-address.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { eventually } from '../support/eventually.ts';
import { crossing, startHubLine } from '../support/hub-line.ts';
import { kostelec, runOffice } from '../support/office-fixture.ts';
import { addAccount, adminToken, staffClient } from '../support/staff-client.ts';

test('in hub mode the office takes its configuration from the hub, keeps its own address, refuses one it cannot take while people wait, and its own settings page cannot change it', async () => {
  const hubLine = await startHubLine();
  const { pool } = hubLine;
  const atHub = (change: (c: OfficeConfig) => void) => {
    const config = structuredClone(kostelec());
    change(config);
    return putOffice(pool, 'kostelec', withPublicBase(config, 'http://hub.example/o/kostelec'));
  };
  const settingsStore = new MemoryDocumentStore();
  const office = await runOffice({
    adminToken,
    settingsStore,
    hub: hubLine.office(),
  });
  try {
    const base = `http://127.0.0.1:${office.server.httpPort}`;
    await addAccount(base, 'reditelka', 'admin');
    const admin = staffClient(base);
    await admin.login('reditelka');
    const stored = async () => (await admin.call('GET', '/api/staff/settings')).body!.config as OfficeConfig;
    const passports = async () => (await stored()).services.find((s) => s.id === 'pasy');

    await atHub((c) => {
      c.services.find((s) => s.id === 'pasy')!.name.cs = 'Cestovní pasy';
    });
    await eventually('the name from the hub in force', async () => (await passports())?.name.cs === 'Cestovní pasy', crossing);
    assert.is((await stored()).office.publicBaseUrl, undefined, "the office's own address, not the hub's");
    assert.ok(settingsStore.text?.includes('Cestovní pasy'), 'saved, so it holds after a restart without the hub');
    const office1 = ((await (await fetch(`${base}/api/office`)).json()) as { services: { id: string; name: { cs: string } }[] }).services;
    assert.is(office1.find((s) => s.id === 'pasy')!.name.cs, 'Cestovní pasy', 'the public pages too');

    // A passport ticket waits: the hub's next configuration, without passports, cannot be taken now.
    const ticket = await office.server.engine.kioskRequest('kiosk-hala', { kind: 'walkIn', requestId: 'waiting-one', pressedAt: office.clock.now(), serviceId: 'pasy' });
    assert.ok(ticket.ok);
    await atHub((c) => {
      c.services = c.services.filter((s) => s.id !== 'pasy');
      for (const k of c.kiosks) k.buttons = k.buttons.filter((b) => b.serviceId !== 'pasy');
      for (const counter of c.counters) counter.serviceIds = counter.serviceIds.filter((id) => id !== 'pasy');
    });
    await eventually('the refusal logged', () => office.logs.some((l) => l.includes('configuration from the hub refused')), crossing);
    assert.is((await passports())?.name.cs, 'Cestovní pasy', 'the configuration in force is unchanged');

    const own = await admin.call('PUT', '/api/staff/settings', { config: await stored(), cancelAffected: false });
    assert.equal([own.status, own.body!.error.code], [409, 'settingsAtHub']);
  } finally {
    await office.stop();
    await hubLine.stop();
  }
});

test.run();
