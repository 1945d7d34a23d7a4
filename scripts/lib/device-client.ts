import { connectAsync, type MqttClient } from 'mqtt';
import { brokerTls, type LocalSettings } from '../../device/local-settings.ts';

/**
 * A plain MQTT.js client logged in with a device's credentials: what mosquitto_pub would be, for
 * benchmarks, fault runs and tests. `suffix` connects beside the device (`id~suffix`) instead of
 * taking its session over. No reconnection: a caller that loses it wants to know.
 */
export async function connectAsDevice(device: LocalSettings, suffix?: string, overrides: { secret?: string; clientId?: string } = {}): Promise<MqttClient> {
  const client = await connectAsync(device.broker, {
    ...brokerTls(device),
    clientId: overrides.clientId ?? (suffix ? `${device.deviceId}~${suffix}` : device.deviceId),
    username: device.deviceId,
    password: overrides.secret ?? device.secret,
    protocolVersion: 4,
    reconnectPeriod: 0,
    connectTimeout: 3000,
  });
  // MQTT.js has no option for it: without it Nagle's algorithm delays small packets ~40 ms.
  (client.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
  return client;
}
