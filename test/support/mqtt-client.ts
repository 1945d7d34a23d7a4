import type { MqttClient } from 'mqtt';
import type { LocalSettings } from '../../device/local-settings.ts';
import { connectAsDevice } from '../../scripts/lib/device-client.ts';

/** A device's MQTT client for the contract tests (scripts/lib/device-client.ts). */
export function connectAs(device: LocalSettings, overrides: { secret?: string; clientId?: string } = {}): Promise<MqttClient> {
  return connectAsDevice(device, undefined, overrides);
}

export interface Received {
  topic: string;
  payload: unknown;
  retain: boolean;
}

/** Collects what arrives on `filter`, parsed as JSON. */
export async function collect(client: MqttClient, filter: string): Promise<Received[]> {
  const received = listen(client, filter);
  await client.subscribeAsync(filter, { qos: 1 });
  return received;
}

/** The QoS the broker granted, or 128 (0x80) when it refused the subscription. */
export function grantOf(client: MqttClient, filter: string): Promise<number> {
  // MQTT.js turns a 0x80 grant into an error that carries the SUBACK packet itself.
  return client.subscribeAsync(filter, { qos: 1 }).then(
    (granted) => granted[0]!.qos,
    (error: { packet?: { granted?: number[] } }) => error.packet?.granted?.[0] ?? -1,
  );
}

/** Records whatever arrives matching `filter`, without subscribing. */
export function listen(client: MqttClient, filter: string): Received[] {
  const received: Received[] = [];
  client.on('message', (topic, payload, packet) => {
    if (!matches(filter, topic)) return;
    try {
      received.push({ topic, payload: JSON.parse(payload.toString()), retain: packet.retain });
    } catch {
      received.push({ topic, payload: payload.toString(), retain: packet.retain });
    }
  });
  return received;
}

function matches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  return f.every((part, k) => part === '#' || (k < t.length && (part === '+' || part === t[k]))) && (f.at(-1) === '#' || f.length === t.length);
}
