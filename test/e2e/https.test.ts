import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { promisify } from 'node:util';
import { connectAsync } from 'mqtt';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eventually } from '../support/eventually.ts';
import { runOffice } from '../support/office-fixture.ts';
import { tempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;

/** The certificate the server presents to a new connection, as its SHA-256 fingerprint. */
const presented = (port: number) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', rejectUnauthorized: false }, () => {
      resolve(socket.getPeerX509Certificate()!.fingerprint256);
      socket.end();
    });
    socket.once('error', reject);
  });

/** A plain HTTP GET from a chosen local address: 127.0.0.1 is this machine's commands, 127.0.0.2 stands for a PC on the LAN. */
const plainGet = (port: number, localAddress: string) =>
  new Promise<{ status: number; location?: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/health', localAddress }, (res) => {
      res.resume();
      resolve({ status: res.statusCode!, location: res.headers.location });
    });
    req.once('error', reject);
    req.end();
  });

/** Replaces a file as a renewal does: a new file renamed over the old one. */
async function replace(path: string, text: string) {
  await writeFile(`${path}.new`, text);
  await rename(`${path}.new`, path);
}

test('the server serves HTTPS itself with one address for pages, API and the hall screens’ MQTT; plain HTTP sends LAN clients there; a renewed certificate is taken without a restart, a broken one is not', async () => {
  const dir = await tempDir();
  for (const name of ['a', 'b']) await run('bash', [join(root, 'deploy/make-mqtt-cert.sh'), join(dir.path, name), 'localhost', '127.0.0.1']);
  const pem = (name: string, file: string) => readFile(join(dir.path, name, file), 'utf8');
  const certPath = join(dir.path, 'cert.pem');
  const keyPath = join(dir.path, 'key.pem');
  await writeFile(certPath, await pem('a', 'mqtt-cert.pem'));
  await writeFile(keyPath, await pem('a', 'mqtt-key.pem'));
  const office = await runOffice({ https: { certPath, keyPath, port: 0 } });
  try {
    const port = office.server.httpsPort!;
    const fingerprint = async (name: string) => new X509Certificate(await pem(name, 'mqtt-cert.pem')).fingerprint256;
    const untrusting = await fetch(`https://localhost:${port}/health`).catch((e: Error) => e);
    assert.ok(untrusting instanceof Error, 'a client that does not trust the office’s own certificate does not talk to it');
    assert.is(await presented(port), await fingerprint('a'));
    assert.is(office.server.engine.config.office.publicBaseUrl, `https://localhost:${port}`, 'tickets and e-mails link to the HTTPS address');

    assert.equal(await plainGet(office.server.httpPort, '127.0.0.1'), { status: 200, location: undefined }, "this machine's commands keep plain HTTP");
    assert.equal(await plainGet(office.server.httpPort, '127.0.0.2'), { status: 308, location: `https://127.0.0.1:${port}/health` });

    const display = office.devices.find((d) => d.deviceId === 'obrazovka-hala')!;
    const hall = await connectAsync(`wss://localhost:${port}/mqtt`, {
      ca: await pem('a', 'mqtt-cert.pem'),
      clientId: display.deviceId,
      username: display.deviceId,
      password: display.secret,
      reconnectPeriod: 0,
    });
    assert.ok(hall.connected, "the hall screen's MQTT over WebSocket on the same HTTPS address");
    await hall.endAsync();

    await replace(keyPath, await pem('b', 'mqtt-key.pem'));
    await replace(certPath, await pem('b', 'mqtt-cert.pem'));
    await eventually('the renewed certificate on new connections', async () => (await presented(port)) === (await fingerprint('b')));

    // A key that does not match the certificate: logged, and the working pair stays.
    const refusals = () => office.logs.filter((l) => l.includes('https certificate not reloaded')).length;
    const before = refusals();
    await replace(keyPath, await pem('a', 'mqtt-key.pem'));
    await eventually('the mismatched pair to be refused', () => refusals() > before);
    assert.is(await presented(port), await fingerprint('b'));
  } finally {
    await office.stop();
    await dir.remove();
  }
});

test.run();
