import { connect, type Socket } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eventually } from '../support/eventually.ts';
import { runOffice } from '../support/office-fixture.ts';

const open = (port: number) =>
  new Promise<Socket>((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s)).once('error', reject);
  });

test('slow-body, slow-header and silent connections are closed by the server; a normal request still answers', async () => {
  // The real limits are seconds long; the same mechanism with shorter ones, so the test does not sit out 20 s.
  const office = await runOffice({ httpTimeouts: { headersMs: 600, requestMs: 1200, idleMs: 2000, keepAliveMs: 500 } });
  const port = office.server.httpPort;
  try {
    const sockets: Socket[] = [];
    const closed = new Set<Socket>();
    const track = (socket: Socket) => {
      socket.on('error', () => {});
      // Read what the server sends (a 408), or its closing is never seen.
      socket.resume();
      socket.once('close', () => closed.add(socket));
      sockets.push(socket);
      return socket;
    };
    for (let k = 0; k < 100; k++) {
      const slowBody = track(await open(port));
      slowBody.write('POST /api/holds HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{');
    }
    for (let k = 0; k < 50; k++) track(await open(port)).write('GET /api/office HTTP/1.1\r\nHost: x\r\n');
    for (let k = 0; k < 50; k++) track(await open(port));
    // The slow headers keep trickling: no phase ever finishes.
    const trickle = setInterval(() => {
      for (const s of sockets.slice(100, 150)) if (!s.destroyed) s.write('X-A: b\r\n');
    }, 100);
    try {
      await eventually('every slow connection closed by the server', () => closed.size === sockets.length, 30_000);
    } finally {
      clearInterval(trickle);
    }
    assert.is((await fetch(`http://127.0.0.1:${port}/health`)).status, 200);
  } finally {
    await office.stop();
  }
});

test.run();
