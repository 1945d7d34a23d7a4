import { execFile, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { type AddressInfo, connect, createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Aedes } from 'aedes';
import { connectAsync, type MqttClient } from 'mqtt';
import { freePort } from '../../test/support/free-port.ts';
import { emit, percentile, round } from './stats.ts';

const kiosks = 20;
const password = 'bench-secret-not-for-production';
const users = ['engine', ...Array.from({ length: kiosks }, (_, k) => `kiosk-${k + 1}`)];
/** The same limits for both brokers: ours as broker/mqtt/mqtt-broker.ts sets them. */
const queueLimit = 200;
const inflight = 100;

interface Broker {
  name: string;
  url: string;
  stop(): Promise<void>;
}

async function aedesBroker(): Promise<Broker> {
  const aedes = await Aedes.createBroker({ drainTimeout: 5_000, queueLimit, maxInflightInbound: inflight, maxClientsIdLength: 40, maxTopicLevels: 6 });
  aedes.authenticate = (_client, username, secret, done) => done(null, users.includes(username ?? '') && secret?.toString() === password);
  const server = createServer({ noDelay: true }, aedes.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    name: 'aedes',
    url: `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Debian's Mosquitto on a free port, with passwords and the same queue limits, TCP_NODELAY on as ours. */
async function mosquittoBroker(dir: string): Promise<Broker> {
  const port = await freePort();
  const passwords = join(dir, 'mosquitto.passwd');
  await writeFile(passwords, `${users.map((u) => `${u}:${password}`).join('\n')}\n`);
  await promisify(execFile)('mosquitto_passwd', ['-U', passwords]);
  const conf = join(dir, 'mosquitto.conf');
  // 'user root': started as root, Mosquitto would switch to its own user, who cannot read our temp dir.
  await writeFile(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      'user root',
      'allow_anonymous false',
      `password_file ${passwords}`,
      `max_queued_messages ${queueLimit}`,
      `max_inflight_messages ${inflight}`,
      'set_tcp_nodelay true',
      'persistence false',
      'log_type error',
      '',
    ].join('\n'),
  );
  const child = spawn('mosquitto', ['-c', conf], { stdio: 'ignore' });
  for (let k = 0; k < 100; k++) {
    const up = await new Promise<boolean>((resolve) =>
      connect(port, '127.0.0.1')
        .once('connect', function (this: import('node:net').Socket) {
          this.destroy();
          resolve(true);
        })
        .once('error', () => resolve(false)),
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    name: 'mosquitto',
    url: `mqtt://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

const login = async (url: string, user: string) => {
  const client = await connectAsync(url, { clientId: user, username: user, password, protocolVersion: 4, reconnectPeriod: 0 });
  (client.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
  return client;
};

/**
 * Fan-in and fan-out as in the office: every kiosk sends a request (QoS 1) to one engine client,
 * which answers with a reply to that kiosk (QoS 1) and a retained status that every kiosk reads
 * (QoS 0). Latency: all kiosks at once, 50 rounds. Throughput: 8 requests in flight per kiosk.
 */
async function workload(broker: Broker): Promise<{ p50: number; tps: number }> {
  const engine = await login(broker.url, 'engine');
  await engine.subscribeAsync('fronta/v1/kiosk/+/request', { qos: 1 });
  engine.on('message', (topic, payload) => {
    const id = topic.split('/')[3];
    engine.publish(`fronta/v1/kiosk/${id}/reply`, payload, { qos: 1 });
    engine.publish('fronta/v1/service/pasy/status', payload, { qos: 0, retain: true });
  });
  const clients: MqttClient[] = await Promise.all(users.slice(1).map((u) => login(broker.url, u)));
  await Promise.all(clients.map((c, k) => c.subscribeAsync([`fronta/v1/kiosk/kiosk-${k + 1}/reply`, 'fronta/v1/service/+/status'], { qos: 1 })));
  const ask = (client: MqttClient, k: number, id: string) =>
    new Promise<void>((resolve) => {
      const onMessage = (topic: string, payload: Buffer) => {
        if (!topic.endsWith('/reply') || payload.toString() !== id) return;
        client.off('message', onMessage);
        resolve();
      };
      client.on('message', onMessage);
      client.publish(`fronta/v1/kiosk/kiosk-${k + 1}/request`, id, { qos: 1 });
    });
  const samples: number[] = [];
  for (let roundNo = 0; roundNo < 55; roundNo++) {
    const started = performance.now();
    await Promise.all(clients.map((c, k) => ask(c, k, `r${roundNo}-${k}`).then(() => roundNo >= 5 && samples.push(performance.now() - started))));
    await new Promise((r) => setTimeout(r, 5));
  }
  for (const p of [50, 99]) emit({ bench: 'broker-compare', metric: `${broker.name}_request_reply_p${p}`, value: round(percentile(samples, p)), unit: 'ms', clients: kiosks });
  const total = 10_000;
  let sent = 0;
  let answered = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    clients.forEach((c, k) => {
      const next = () => {
        if (sent >= total) return;
        const id = `t${sent++}`;
        void ask(c, k, id).then(() => (++answered >= total ? resolve() : next()));
      };
      for (let i = 0; i < 8; i++) next();
    });
  });
  const tps = answered / ((performance.now() - started) / 1000);
  emit({ bench: 'broker-compare', metric: `${broker.name}_round_trips_per_second`, value: round(tps, 0), unit: '1/s', clients: kiosks });
  await Promise.all([engine, ...clients].map((c) => c.endAsync()));
  return { p50: percentile(samples, 50), tps };
}

/** The same workload through Aedes as we configure it and through Mosquitto, in one run. */
/** Debian's mosquitto and postgresql, installed if missing (the one list of Debian packages is scripts/system-deps.sh). */
export const benchPackages = () => promisify(execFile)('bash', [fileURLToPath(new URL('../system-deps.sh', import.meta.url)), '--bench']);

export async function compareBrokers(dir: string): Promise<void> {
  await benchPackages();
  const results: { p50: number; tps: number }[] = [];
  for (const start of [aedesBroker, () => mosquittoBroker(dir)]) {
    const broker = await start();
    try {
      results.push(await workload(broker));
    } finally {
      await broker.stop();
    }
  }
  const [aedes, mosquitto] = results as [{ p50: number; tps: number }, { p50: number; tps: number }];
  emit({ bench: 'broker-compare', metric: 'aedes_to_mosquitto_p50_ratio', value: round(aedes.p50 / mosquitto.p50, 2), unit: 'x' });
  emit({ bench: 'broker-compare', metric: 'aedes_to_mosquitto_throughput_ratio', value: round(aedes.tps / mosquitto.tps, 2), unit: 'x' });
}
