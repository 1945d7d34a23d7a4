import { Aedes, type Client } from 'aedes';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { maxPayloadBytes, parsePayload } from '../../shared/contract/topics.ts';
import type { DeviceKeys } from '../devices/device-keys.ts';
import type { Logger } from '../log.ts';
import { type Identity, mayPublish, mayRead, maySubscribe, roleOf } from './access.ts';

/** MQTT 3.1.1 CONNACK return codes (spec 3.2.2.3). */
const identifierRejected = 2;
const badUsernameOrPassword = 4;

const authError = (message: string, returnCode: number) => Object.assign(new Error(message), { returnCode });

export interface MqttBroker {
  aedes: Aedes;
  /** Closes every connection logged in as this device (its own and its diagnostic tools'); how many. */
  disconnect(deviceId: string): number;
}

/**
 * Aedes with the office's rules: every device logs in with its own id and secret, and may publish
 * and read only what the topic contract grants its role. The limits are set deliberately (see
 * docs/HARDWARE.md): one stalled client must not stall the others. The configuration and the keys
 * are read at each login: a device added, enrolled or revoked while the office runs counts at once.
 */
export async function createMqttBroker(config: () => OfficeConfig, keys: DeviceKeys, log: Logger, simulating = false): Promise<MqttBroker> {
  const aedes = await Aedes.createBroker({
    drainTimeout: 5_000,
    maxClientsIdLength: 40,
    maxTopicLevels: 6,
    queueLimit: 200,
    maxInflightInbound: 100,
    connectTimeout: 10_000,
  });
  const identities = new WeakMap<Client, Identity>();
  // Registered and unregistered clients only: a login that never completes leaves nothing here.
  const connected = new Set<Client>();
  aedes.on('client', (client) => connected.add(client));
  aedes.on('clientDisconnect', (client) => connected.delete(client));

  aedes.authenticate = (client, username, password, done) => {
    const role = username ? roleOf(config(), username, simulating) : undefined;
    if (!username || !role || !keys.matches(username, password)) {
      log.warn('refused connection: unknown device or wrong secret', { clientId: client.id, username: username ?? null });
      return done(authError('bad credentials', badUsernameOrPassword), false);
    }
    // The device itself connects as its id; a diagnostic tool beside it as `id~anything`.
    if (client.id !== username && !client.id.startsWith(`${username}~`)) {
      log.warn('refused connection: client id is not the device id', { clientId: client.id, username });
      return done(authError('client id must be the device id (or id~suffix)', identifierRejected), false);
    }
    identities.set(client, { deviceId: username, role, simulating });
    done(null, true);
  };

  aedes.authorizePublish = (client, packet, callback) => {
    if (!client) return callback(null);
    const who = identities.get(client)!;
    const refuse = (reason: string) => {
      // MQTT 3.1.1 has no negative PUBACK: aedes closes the connection, and the device reconnects.
      log.warn('refused publish', { deviceId: who.deviceId, topic: packet.topic, reason });
      callback(new Error(reason));
    };
    const size = packet.payload.length;
    if (size > maxPayloadBytes) return refuse(`payload of ${size} bytes exceeds ${maxPayloadBytes}`);
    const decision = mayPublish(who, packet.topic, packet.retain);
    if (!decision.allowed) return refuse(decision.reason);
    // What is retained is read again by others later, so it is checked here; requests and commands
    // are checked by the engine bridge, which can answer the device with the reason.
    if (packet.retain) {
      const parsed = parsePayload(decision.name, packet.payload as Buffer);
      if (!parsed.ok) return refuse(parsed.error.detail);
    }
    callback(null);
  };

  aedes.authorizeSubscribe = (client, subscription, callback) => {
    const who = identities.get(client)!;
    const decision = maySubscribe(who, subscription.topic);
    if (decision.allowed) return callback(null, subscription);
    log.warn('refused subscription', { deviceId: who.deviceId, filter: subscription.topic, reason: decision.reason });
    callback(null, null);
  };

  aedes.authorizeForward = (client, packet) => {
    const who = identities.get(client);
    return who && mayRead(who, packet.topic) ? packet : null;
  };

  const disconnect = (deviceId: string) => {
    const theirs = [...connected].filter((client) => identities.get(client)?.deviceId === deviceId);
    for (const client of theirs) {
      connected.delete(client);
      client.close();
    }
    return theirs.length;
  };
  return { aedes, disconnect };
}
