import { type AddressInfo, createServer } from 'node:net';

/** A port the OS chose and gave back, for a program that cannot report one it chose itself (Caddy, Mosquitto). */
export const freePort = (): Promise<number> =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
