import { connectAsync, type MqttClient } from 'mqtt';
import type { LocalSettings } from '../../device/local-settings.ts';

/** A plain MQTT.js client logged in as a device: what mosquitto_pub would be, for the contract tests. */
export function connectAs(device: LocalSettings, overrides: { secret?: string; clientId?: string } = {}): Promise<MqttClient> {
  return connectAsync(device.broker, {
    clientId: overrides.clientId ?? device.deviceId,
    username: device.deviceId,
    password: overrides.secret ?? device.secret,
    protocolVersion: 4,
    reconnectPeriod: 0,
    connectTimeout: 3000,
  });
}

/** Collects what arrives on `filter`, parsed as JSON. */
export async function collect(client: MqttClient, filter: string): Promise<{ topic: string; payload: unknown; retain: boolean }[]> {
  const received: { topic: string; payload: unknown; retain: boolean }[] = [];
  client.on('message', (topic, payload, packet) => {
    try {
      received.push({ topic, payload: JSON.parse(payload.toString()), retain: packet.retain });
    } catch {
      received.push({ topic, payload: payload.toString(), retain: packet.retain });
    }
  });
  await client.subscribeAsync(filter, { qos: 1 });
  return received;
}
