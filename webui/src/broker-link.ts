import mqtt from 'mqtt';
import { contract, type Message, matchTopic, parsePayload, type TopicName, topic } from '../../shared/contract/topics.ts';

/** A message of any contract topic, already checked by its schema; narrowing on `name` types `value`. */
export type Received = { [N in TopicName]: { name: N; id: string; value: Message<N> } }[TopicName];

export interface LinkOptions {
  username: string;
  password: string;
  /** Told apart from the device's own connection in the broker's log: `<username>~<tag>-<random>`. */
  tag: string;
  filters: string[];
  online(online: boolean): void;
  message(message: Received): void;
}

export interface BrokerLink {
  /** Sends now or not at all: false while offline, so nothing clicked then is delivered later. */
  publish<N extends TopicName>(name: N, id: string, message: Message<N>): boolean;
  close(): void;
}

/**
 * A page's MQTT over WebSocket (hall screen, virtual office). mqtt.js reconnects by itself every
 * second while the broker is away; the subscriptions are made again on each connect, and retained
 * topics bring the page up to date. Every message is checked by its schema from shared/.
 */
export function connectBroker(options: LinkOptions): BrokerLink {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/mqtt`;
  const client = mqtt.connect(url, {
    username: options.username,
    password: options.password,
    clientId: `${options.username}~${options.tag}-${Math.random().toString(36).slice(2, 10)}`,
    reconnectPeriod: 1000,
    connectTimeout: 5000,
    clean: true,
    // The default tries a Web Worker from a blob: URL, which the site's CSP (script-src 'self') forbids.
    timerVariant: 'native',
  });
  client.on('connect', () => {
    options.online(true);
    // Refused when the page closes the link while connecting; the next connect subscribes again.
    client.subscribeAsync(options.filters, { qos: 1 }).catch(() => {});
  });
  client.on('close', () => options.online(false));
  client.on('offline', () => options.online(false));
  client.on('error', () => options.online(false));
  client.on('message', (name, payload) => {
    const matched = matchTopic(name);
    if (!matched) return;
    const parsed = parsePayload(matched.name, payload);
    if (parsed.ok) options.message({ name: matched.name, id: matched.id, value: parsed.data } as Received);
  });
  return {
    publish(name, id, message) {
      if (!client.connected) return false;
      const checked = contract[name].schema.parse(message);
      client.publish(topic(name, id), JSON.stringify(checked), { qos: 1, retain: contract[name].retained });
      return true;
    },
    close: () => client.end(true),
  };
}
