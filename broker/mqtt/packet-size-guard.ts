import { Duplex, Transform } from 'node:stream';
import { maxPayloadBytes } from '../../shared/contract/topics.ts';

/**
 * The largest MQTT packet a device may send: a payload of the contract's limit plus room for its
 * topic, a will's topic, the login and the properties. Nothing in the contract comes near it.
 */
export const maxPacketBytes = maxPayloadBytes + 8 * 1024;

/**
 * Follows the MQTT fixed headers of one connection's bytes (MQTT 3.1.1 §2.2: one byte of type and
 * flags, then the remaining length in one to four 7-bit groups) and says when a packet announces
 * more than `limit` bytes: Aedes's parser would buffer such a packet whole, up to the protocol's
 * 256 MiB, before anyone has logged in.
 */
export class PacketLengths {
  private state: 'type' | 'length' | 'body' = 'type';
  private length = 0;
  private multiplier = 1;
  private left = 0;

  constructor(private readonly limit: number) {}

  /** Scans the next bytes; the refusal's reason, or null while every packet is within the limit. */
  feed(chunk: Uint8Array): string | null {
    let at = 0;
    while (at < chunk.length) {
      if (this.state === 'type') {
        at++;
        this.state = 'length';
        this.length = 0;
        this.multiplier = 1;
      } else if (this.state === 'length') {
        const byte = chunk[at++]!;
        this.length += (byte & 0x7f) * this.multiplier;
        if (this.length > this.limit) return `packet of ${this.length}+ bytes exceeds ${this.limit}`;
        if (byte & 0x80) {
          this.multiplier *= 128;
          if (this.multiplier > 128 ** 3) return 'malformed remaining length';
        } else {
          this.left = this.length;
          this.state = this.left === 0 ? 'type' : 'body';
        }
      } else {
        const taken = Math.min(this.left, chunk.length - at);
        at += taken;
        this.left -= taken;
        if (this.left === 0) this.state = 'type';
      }
    }
    return null;
  }
}

/**
 * The connection as Aedes should see it: the same writes, but reads that stop, and a connection
 * that is closed, at the first byte of a packet's length beyond `limit`. For TCP and for MQTT over
 * WebSocket alike, where one packet may span many frames and a frame limit alone bounds nothing.
 */
export function guardPacketSize(connection: Duplex, onRefused: (reason: string) => void, limit = maxPacketBytes): Duplex {
  const lengths = new PacketLengths(limit);
  const checked = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const refusal = lengths.feed(chunk);
      if (refusal === null) return done(null, chunk);
      onRefused(refusal);
      connection.destroy();
      done(new Error(refusal));
    },
  });
  connection.pipe(checked);
  const guarded = Duplex.from({ readable: checked, writable: connection });
  // Either side closing closes the other: Aedes learns of a dropped socket, and the socket of Aedes's close.
  connection.once('close', () => guarded.destroy());
  guarded.once('close', () => connection.destroy());
  connection.on('error', (error) => guarded.destroy(error));
  return guarded;
}
