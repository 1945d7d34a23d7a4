import mqtt from 'mqtt';
import { parsePayload, topic, topicFilter, matchTopic } from '../../../shared/contract/topics.ts';
import type { HallCalls } from '../../../shared/contract/hall.ts';
import type { ServiceStatus } from '../../../shared/contract/service.ts';
import type { DeviceConfig } from '../../../shared/contract/device.ts';

export interface HallEvents {
  online(online: boolean): void;
  config(config: DeviceConfig): void;
  calls(calls: HallCalls): void;
  status(status: ServiceStatus): void;
}

/**
 * The screen's MQTT over WebSocket, with its display's read-only credentials. mqtt.js reconnects by
 * itself every second while the broker is away; retained topics bring the screen up to date again.
 * Every message is checked by its schema from shared/ before it is shown.
 */
export function connectHall(displayId: string, key: string, events: HallEvents): () => void {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/mqtt`;
  const client = mqtt.connect(url, {
    username: displayId,
    password: key,
    clientId: `${displayId}~screen-${Math.random().toString(36).slice(2, 10)}`,
    reconnectPeriod: 1000,
    connectTimeout: 5000,
    clean: true,
  });
  client.on('connect', () => {
    events.online(true);
    void client.subscribeAsync([topic('deviceConfig', displayId), topic('hallCalls'), topicFilter('serviceStatus')], { qos: 1 });
  });
  client.on('close', () => events.online(false));
  client.on('offline', () => events.online(false));
  client.on('error', () => events.online(false));
  client.on('message', (name, payload) => {
    const matched = matchTopic(name);
    if (!matched) return;
    if (matched.name === 'hallCalls') {
      const parsed = parsePayload('hallCalls', payload);
      if (parsed.ok) events.calls(parsed.value);
    } else if (matched.name === 'serviceStatus') {
      const parsed = parsePayload('serviceStatus', payload);
      if (parsed.ok) events.status(parsed.value);
    } else if (matched.name === 'deviceConfig') {
      const parsed = parsePayload('deviceConfig', payload);
      if (parsed.ok) events.config(parsed.value);
    }
  });
  return () => client.end(true);
}
