import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../shared/clock.ts';
import type { OfficeConfig } from '../shared/config/schema.ts';
import { QueueEngine } from './engine/queue-engine.ts';
import { createHttpServer } from './http/http-server.ts';
import { createLogger, type LogSink } from './log.ts';
import type { Credentials } from './mqtt/credentials.ts';
import { EngineBridge } from './mqtt/engine-bridge.ts';
import { createMqttBroker } from './mqtt/mqtt-broker.ts';
import type { QueueStore } from './store/queue-store.ts';

export interface OfficeServerOptions {
  config: OfficeConfig;
  credentials: Credentials;
  store: QueueStore;
  clock: Clock;
  host?: string;
  /** 0 lets the OS choose, as every test does. */
  mqttPort?: number;
  httpPort?: number;
  logSink?: LogSink;
}

export interface OfficeServer {
  engine: QueueEngine;
  mqttPort: number;
  httpPort: number;
  stop(): Promise<void>;
}

const listen = (server: Server | import('node:http').Server, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });

/** Store, engine, broker and HTTP, started in that order: nothing listens before the state is loaded. */
export async function startOfficeServer(options: OfficeServerOptions): Promise<OfficeServer> {
  const { config, credentials, store, clock, host = '127.0.0.1' } = options;
  const log = createLogger('broker', options.logSink);
  await store.start();
  const engine = new QueueEngine({ config, clock, store, newToken: () => randomBytes(16).toString('base64url') });
  await engine.start();
  const aedes = await createMqttBroker(config, credentials, createLogger('mqtt', options.logSink));
  aedes.on('clientError', (client, error) => log.warn('client error', { clientId: client.id, error: error.message }));
  aedes.on('connectionError', (_client, error) => log.warn('connection error', { error: error.message }));
  const bridge = new EngineBridge(aedes, engine, clock, log);
  await bridge.start();
  // Nagle's algorithm with delayed ACKs holds small MQTT packets back ~40 ms; every message here is small and urgent.
  const tcp = createServer({ noDelay: true }, aedes.handle);
  const http = createHttpServer(aedes, () => ({ ready: true, day: engine.currentDay() }));
  const mqttPort = await listen(tcp, options.mqttPort ?? 0, host);
  const httpPort = await listen(http.server, options.httpPort ?? 0, host);
  log.info('office server ready', { mqttPort, httpPort, day: engine.currentDay() });

  return {
    engine,
    mqttPort,
    httpPort,
    async stop() {
      await bridge.stop();
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      for (const ws of http.sockets.clients) ws.terminate();
      http.sockets.close();
      http.server.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => tcp.close(() => resolve())),
        new Promise<void>((resolve) => http.server.close(() => resolve())),
      ]);
      await store.stop();
    },
  };
}
