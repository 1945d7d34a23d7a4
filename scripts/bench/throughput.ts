import { performance } from 'node:perf_hooks';
import type { MqttClient } from 'mqtt';
import { connectAsDevice } from '../lib/device-client.ts';
import type { BenchOffice } from './bench-office.ts';
import { emit, round } from './stats.ts';

/**
 * Tickets per second at saturation: every kiosk keeps `inFlight` requests outstanding until
 * `total` tickets are acknowledged. Concurrent requests share durable writes (group commit).
 */
export async function measureThroughput(office: BenchOffice, total: number, inFlight = 8): Promise<void> {
  const kiosks = office.devices.filter((d) => d.deviceId.startsWith('kiosk-'));
  const services = office.config.services.map((s) => s.id);
  const clients: MqttClient[] = await Promise.all(kiosks.map((d) => connectAsDevice(d)));
  let sent = 0;
  let acknowledged = 0;
  let refused = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    clients.forEach((client, k) => {
      const send = () => {
        if (sent >= total) return;
        sent += 1;
        const payload = { kind: 'walkIn', requestId: `tp-${k}-${sent}-${Date.now()}`, pressedAt: office.clock.now(), serviceId: services[sent % services.length] };
        client.publish(`fronta/v1/kiosk/${kiosks[k]!.deviceId}/request`, JSON.stringify(payload), { qos: 1 });
      };
      client.on('message', (_topic, message) => {
        if ((JSON.parse(message.toString()) as { ok: boolean }).ok) acknowledged += 1;
        else refused += 1;
        if (acknowledged + refused >= total) resolve();
        else send();
      });
      void client.subscribeAsync(`fronta/v1/kiosk/${kiosks[k]!.deviceId}/reply`, { qos: 1 }).then(() => {
        for (let i = 0; i < inFlight; i++) send();
      });
    });
  });
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(clients.map((c) => c.endAsync()));
  emit({ bench: 'ticket-throughput', metric: 'tickets_per_second', value: round(acknowledged / seconds, 1), unit: '1/s', kiosks: kiosks.length, inFlightPerKiosk: inFlight, acknowledged, refused });
}
