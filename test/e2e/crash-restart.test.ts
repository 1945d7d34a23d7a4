import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { provisionDevices } from '../../scripts/lib/provision.ts';
import { type ServerProcess, startServerProcess } from '../../scripts/lib/server-process.ts';
import type { KioskReply } from '../../shared/contract/kiosk.ts';
import { eventually } from '../support/eventually.ts';
import { collect, connectAs } from '../support/mqtt-client.ts';
import { kostelec, tuesdayNine } from '../support/office-fixture.ts';
import { tempDir } from '../support/temp-dir.ts';

test('kill -9 of the server under load loses no acknowledged ticket and repeats no number', async () => {
  const dir = await tempDir();
  const config = kostelec();
  const provisioned = await provisionDevices(config, dir.path, 'mqtt://127.0.0.1:0');
  const offset = tuesdayNine - Date.now();
  const env = {
    FRONTA_DATA_DIR: dir.path,
    FRONTA_CREDENTIALS: provisioned.credentialsPath,
    FRONTA_MQTT_PORT: '0',
    FRONTA_HTTP_PORT: '0',
    FRONTA_CLOCK_OFFSET_MS: String(offset),
  };
  const kiosk = provisioned.devices.find((d) => d.deviceId === 'kiosk-hala')!;
  const ids = Array.from({ length: 40 }, (_, k) => `crash-test-${String(k).padStart(3, '0')}`);
  const connect = async (server: ServerProcess) => {
    const client = await connectAs({ ...kiosk, broker: `mqtt://127.0.0.1:${server.mqttPort}` });
    client.on('error', () => {});
    const received = await collect(client, 'fronta/v1/kiosk/kiosk-hala/reply');
    return { client, replies: received as { payload: KioskReply }[] };
  };
  const send = (client: MqttClient, id: string) =>
    client.publish('fronta/v1/kiosk/kiosk-hala/request', JSON.stringify({ kind: 'walkIn', requestId: id, pressedAt: Date.now() + offset, serviceId: 'pasy' }), { qos: 1 });

  let server = await startServerProcess(env);
  try {
    const first = await connect(server);
    const received = first.replies;
    for (const id of ids) send(first.client, id);
    await eventually('some acknowledged tickets', () => received.length >= 5, 10_000);
    server.child.kill('SIGKILL');
    await server.stop();
    first.client.end(true);
    const acknowledged = new Map(received.map(({ payload }) => [payload.requestId, payload.ok ? payload.data.ticket.number : 'refused']));
    assert.ok(acknowledged.size >= 5 && ![...acknowledged.values()].includes('refused'));

    server = await startServerProcess(env);
    // The commands on the server (npm run booking, npm run staff) find it by what it wrote, whatever port it got.
    assert.is(JSON.parse(await readFile(join(dir.path, 'server.json'), 'utf8')).httpPort, server.httpPort);
    const second = await connect(server);
    const again = second.replies;
    // The kiosk retries every request with its id, as after a lost reply.
    for (const id of ids) send(second.client, id);
    await eventually('an answer to every request', () => again.length >= ids.length, 10_000);
    const after = new Map(again.map(({ payload }) => [payload.requestId, payload.ok ? payload.data.ticket.number : payload.error.code]));
    for (const [id, number] of acknowledged) assert.is(after.get(id), number, `request ${id} was acknowledged as ${number}`);
    const numbers = [...after.values()];
    assert.is(new Set(numbers).size, ids.length, `a number repeats: ${numbers.join(' ')}`);
    assert.ok(numbers.every((n) => /^C\d{3}$/.test(n)));
    const health = await fetch(`http://127.0.0.1:${server.httpPort}/health`);
    assert.is(health.status, 200);
    await second.client.endAsync();
  } finally {
    await server.stop();
    await dir.remove();
  }
});

test.run();
