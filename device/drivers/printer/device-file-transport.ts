import { open } from 'node:fs/promises';
import { Duplex } from 'node:stream';
import { StreamTransport } from './stream-transport.ts';

/**
 * A USB printer through the kernel's usblp driver (`/dev/usb/lp0`): two-way, no libusb needed.
 * This is Fronta's USB path, since escpos's own USB adapter is broken against usb 3.x.
 */
export class DeviceFileTransport extends StreamTransport {
  constructor(
    private readonly path: string,
    timeoutMs = 3000,
  ) {
    super(`usblp ${path}`, timeoutMs);
  }

  protected async open(): Promise<Duplex> {
    const handle = await open(this.path, 'r+');
    const readable = handle.createReadStream({ autoClose: false });
    const stream = new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        handle.write(chunk).then(() => callback(), callback);
      },
      destroy(error, callback) {
        readable.destroy();
        handle.close().then(
          () => callback(error),
          () => callback(error),
        );
      },
    });
    readable.on('data', (chunk) => stream.push(chunk));
    readable.on('error', (error) => stream.destroy(error));
    return stream;
  }
}
