import { performance } from 'node:perf_hooks';
import type { MqttClient } from 'mqtt';
import { connectAsDevice } from '../lib/device-client.ts';
import type { BenchOffice } from './bench-office.ts';
import { latencyFigures } from './stats.ts';

/**
 * The server alone: plain MQTT clients (no device runtime, no printing) send a walk-in request
 * each, all at once, and time the reply. Compared with press-to-print in the same run, it tells
 * how much of that latency is the server and how much the simulated devices sharing one process.
 */
export async function measureRequestLatency(office: BenchOffice, rounds: number, warmup = 5): Promise<void> {
  const kiosks = office.devices.filter((d) => d.deviceId.startsWith('kiosk-'));
  const clients: MqttClient[] = await Promise.all(
    kiosks.map(async (d) => {
      const client = await connectAsDevice(d);
      await client.subscribeAsync(`fronta/v1/kiosk/${d.deviceId}/reply`, { qos: 1 });
      return client;
    }),
  );
  const samples: number[] = [];
  for (let round = 0; round < warmup + rounds; round++) {
    const started = performance.now();
    await Promise.all(
      clients.map(
        (client, k) =>
          new Promise<void>((resolve) => {
            const requestId = `req-${round}-${k}-${Date.now()}`;
            const onMessage = (_topic: string, message: Buffer) => {
              if ((JSON.parse(message.toString()) as { requestId: string }).requestId !== requestId) return;
              client.off('message', onMessage);
              if (round >= warmup) samples.push(performance.now() - started);
              resolve();
            };
            client.on('message', onMessage);
            client.publish(`fronta/v1/kiosk/${kiosks[k]!.deviceId}/request`, JSON.stringify({ kind: 'walkIn', requestId, pressedAt: office.clock.now(), serviceId: 'pasy' }), { qos: 1 });
          }),
      ),
    );
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(clients.map((c) => c.endAsync()));
  latencyFigures('request-reply', samples, { clients: clients.length });
}
