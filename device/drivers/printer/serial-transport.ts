import type { Duplex } from 'node:stream';
import { StreamTransport } from './stream-transport.ts';

/** A serial (RS-232 or USB-serial) printer, through serialport 13, imported only when used. */
export class SerialTransport extends StreamTransport {
  constructor(
    private readonly path: string,
    private readonly baudRate = 19200,
    timeoutMs = 3000,
  ) {
    super(`serial ${path} ${baudRate} Bd`, timeoutMs);
  }

  protected async open(): Promise<Duplex> {
    const { SerialPort } = await import('serialport');
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path: this.path, baudRate: this.baudRate }, (error) => (error ? reject(error) : resolve(port)));
    });
  }
}
