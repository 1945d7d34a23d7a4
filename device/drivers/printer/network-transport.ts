import { connect, type Socket } from 'node:net';
import { StreamTransport } from './stream-transport.ts';

/** Raw TCP, port 9100 ("JetDirect"): the network printers' two-way socket. */
export class NetworkTransport extends StreamTransport {
  constructor(
    private readonly host: string,
    private readonly port = 9100,
    timeoutMs = 3000,
  ) {
    super(`tcp ${host}:${port}`, timeoutMs);
  }

  protected open(timeoutMs: number): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.port, noDelay: true });
      socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`printer ${this.description}: no connection within ${timeoutMs} ms`)));
      socket.once('connect', () => {
        socket.setTimeout(0);
        resolve(socket);
      });
      socket.once('error', reject);
    });
  }
}
