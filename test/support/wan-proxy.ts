import type { AddressInfo } from 'node:net';
import { connect, createServer, type Socket } from 'node:net';

export interface WanProxy {
  /** The same scheme and path as the target's URL, through the proxy. */
  url: string;
  /** The line goes down: every connection through it is dropped, and new ones are dropped at once. */
  cut(): void;
  restore(): void;
  /** Connections dropped by `cut`, open or attempted while cut: a cut that dropped none proved nothing. */
  dropped(): number;
  stop(): Promise<void>;
}

/** A TCP proxy on loopback standing for an office's WAN line to `targetUrl` (host:port), which a test can cut. */
export async function wanProxy(targetUrl: string): Promise<WanProxy> {
  const target = new URL(targetUrl);
  const open = new Set<Socket>();
  let down = false;
  let dropped = 0;
  const server = createServer((client) => {
    if (down) {
      dropped += 1;
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      open.add(socket);
      socket.on('error', () => other.destroy());
      socket.on('close', () => {
        open.delete(socket);
        other.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${target.protocol}//127.0.0.1:${port}${target.pathname === '/' ? '' : target.pathname}`,
    cut() {
      down = true;
      for (const socket of open) {
        dropped += 1;
        socket.destroy();
      }
    },
    restore() {
      down = false;
    },
    dropped: () => dropped,
    async stop() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
