import { connect, type Socket } from 'node:net';
import * as fc from 'fast-check';
import mqttPacket from 'mqtt-packet';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import WebSocket from 'ws';
import { maxPacketBytes, PacketLengths } from '../../broker/mqtt/packet-size-guard.ts';
import { eventually } from '../support/eventually.ts';
import { type RunningOffice, runOffice } from '../support/office-fixture.ts';

const hugeLength = 200 * 1024 * 1024;
/** An MQTT fixed header announcing `length` remaining bytes (MQTT 3.1.1 §2.2.3). */
const header = (type: number, length: number) => {
  const bytes = [type];
  do {
    let byte = length % 128;
    length = Math.floor(length / 128);
    if (length > 0) byte |= 0x80;
    bytes.push(byte);
  } while (length > 0);
  return Buffer.from(bytes);
};
const refusedIn = (office: RunningOffice, where: string) => office.logs.some((line) => line.includes('oversized packet') && line.includes(`"where":"${where}"`));
/** What a server that buffers packets whole would hold if it kept reading: 32 MiB, far past any limit. */
const budget = 32 * 1024 * 1024;

/** Sends `first` then zeros until the server closes the connection or the budget is spent; the bytes it took. */
async function floodTcp(socket: Socket, first: Buffer): Promise<{ closed: boolean; sent: number }> {
  let closed = false;
  socket.on('error', () => {});
  socket.once('close', () => (closed = true));
  socket.write(first);
  let sent = 0;
  const chunk = Buffer.alloc(64 * 1024);
  while (!closed && sent < budget) {
    sent += chunk.length;
    if (!socket.write(chunk))
      await new Promise<void>((resolve) => {
        socket.once('drain', resolve);
        socket.once('close', resolve);
      });
  }
  await eventually('the connection to end', () => closed || socket.destroyed || socket.writableFinished, 15_000).catch(() => {});
  socket.destroy();
  return { closed, sent };
}

const connected = (port: number) =>
  new Promise<Socket>((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s)).once('error', reject);
  });

test('the packet scanner follows any stream of valid packets split anywhere, and stops at the first oversized length', () => {
  const packets = [
    mqttPacket.generate({ cmd: 'connect', protocolId: 'MQTT', protocolVersion: 4, clientId: 'kiosk-hala', clean: true, keepalive: 30, username: 'kiosk-hala', password: Buffer.from('x'.repeat(43)) }),
    mqttPacket.generate({ cmd: 'publish', topic: 'fronta/v1/kiosk/kiosk-hala/request', payload: Buffer.alloc(8 * 1024, 0x7b), qos: 1, messageId: 7, retain: false, dup: false }),
    mqttPacket.generate({ cmd: 'pingreq' }),
    mqttPacket.generate({ cmd: 'subscribe', messageId: 8, subscriptions: [{ topic: 'fronta/v1/service/+/status', qos: 1 }] }),
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...packets), { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 6 }), (sequence, cuts) => {
      const bytes = Buffer.concat(sequence);
      const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      const scanner = new PacketLengths(maxPacketBytes);
      let from = 0;
      for (const cut of [...at, bytes.length]) {
        assert.is(scanner.feed(bytes.subarray(from, cut)), null);
        from = cut;
      }
      assert.ok(scanner.feed(header(0x30, maxPacketBytes + 1)));
    }),
  );
});

test('a packet announcing 200 MiB before CONNECT is refused at its header, not buffered (TCP)', async () => {
  const office = await runOffice();
  try {
    const result = await floodTcp(await connected(office.server.mqttPort!), header(0x10, hugeLength));
    assert.ok(result.closed, 'the server closed the connection');
    assert.ok(result.sent < budget, `closed after ${result.sent} bytes`);
    assert.ok(refusedIn(office, 'tcp'), 'the refusal is logged');
  } finally {
    await office.stop();
  }
});

test('a logged-in device announcing a 200 MiB PUBLISH is disconnected at its header (TCP)', async () => {
  const office = await runOffice();
  try {
    const device = office.devices[0]!;
    const socket = await connected(office.server.mqttPort!);
    const connack = new Promise<number>((resolve) => {
      const parser = mqttPacket.parser();
      parser.on('packet', (packet) => resolve((packet as { returnCode: number }).returnCode));
      socket.on('data', (data) => parser.parse(data));
    });
    socket.write(
      mqttPacket.generate({
        cmd: 'connect',
        protocolId: 'MQTT',
        protocolVersion: 4,
        clientId: device.deviceId,
        clean: true,
        keepalive: 30,
        username: device.deviceId,
        password: Buffer.from(device.secret),
      }),
    );
    assert.is(await connack, 0, 'the device logged in');
    const result = await floodTcp(socket, header(0x32, hugeLength));
    assert.ok(result.closed && result.sent < budget, `closed after ${result.sent} bytes`);
    assert.ok(refusedIn(office, 'tcp'));
  } finally {
    await office.stop();
  }
});

test('over WebSocket a packet spread over many small frames is refused at its header too', async () => {
  const office = await runOffice();
  try {
    const ws = new WebSocket(`ws://127.0.0.1:${office.server.httpPort}/mqtt`, 'mqtt');
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    let closed = false;
    ws.once('close', () => (closed = true));
    ws.on('error', () => {});
    ws.send(header(0x10, hugeLength));
    const frame = Buffer.alloc(60 * 1024);
    let sent = 0;
    // A send fails once the server has dropped the connection, before the client's close event.
    let failed = false;
    while (!closed && !failed && sent < budget) {
      sent += frame.length;
      await new Promise<void>((resolve) =>
        ws.send(frame, (error) => {
          failed = Boolean(error);
          resolve();
        }),
      );
    }
    await eventually('the WebSocket to close', () => closed, 15_000);
    assert.ok(sent < budget, `closed after ${sent} bytes`);
    assert.ok(refusedIn(office, 'websocket'));
  } finally {
    await office.stop();
  }
});

test.run();
