import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';

export type FakePaper = 'ok' | 'nearEnd' | 'out' | 'silent';

/** What a real printer answers to DLE EOT 4 for each paper state (docs/HARDWARE.md). */
const statusByte: Record<Exclude<FakePaper, 'silent'>, number> = { ok: 0x12, nearEnd: 0x1e, out: 0x72 };
/** The third byte of an automatic status back (roll sensor: 0x03 near end, 0x0C out). */
const sensorByte: Record<Exclude<FakePaper, 'silent'>, number> = { ok: 0x00, nearEnd: 0x03, out: 0x0c };

/**
 * A port-9100 printer on a free port: records every byte it receives, answers DLE EOT 4 with the
 * paper state (or, `silent`, not at all, like a one-way printer), sends automatic status back on
 * every paper change once a connection asked for it with GS a (unless `automaticStatus` is off,
 * like a printer without it), and counts its connections.
 */
export class FakeNetworkPrinter {
  received: Buffer[] = [];
  automaticStatus = true;
  private paperNow: FakePaper = 'ok';
  private readonly told = new Set<Socket>();
  connections = 0;
  maxConcurrent = 0;
  private open = new Set<Socket>();
  private readonly server: Server = createServer((socket) => this.accept(socket));

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const s of this.open) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get paper(): FakePaper {
    return this.paperNow;
  }
  set paper(paper: FakePaper) {
    this.paperNow = paper;
    for (const socket of this.told) this.tell(socket);
  }

  /** Drops every connection, as a printer that was switched off and on again. */
  dropConnections(): void {
    for (const s of this.open) s.destroy();
  }

  /** Everything received, with the status requests and GS a taken out: what went onto the paper. */
  printedBytes(): Uint8Array {
    const all = Buffer.concat(this.received);
    const out: number[] = [];
    for (let i = 0; i < all.length; i++) {
      if (all[i] === 0x10 && all[i + 1] === 0x04 && all[i + 2] === 0x04) i += 2;
      else if (all[i] === 0x1d && all[i + 1] === 0x61) i += 2;
      else out.push(all[i]!);
    }
    return Uint8Array.from(out);
  }

  private accept(socket: Socket): void {
    this.connections += 1;
    this.open.add(socket);
    this.maxConcurrent = Math.max(this.maxConcurrent, this.open.size);
    socket.on('close', () => {
      this.open.delete(socket);
      this.told.delete(socket);
    });
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      this.received.push(chunk);
      // Every DLE EOT 4 in the chunk gets its answer byte; GS a n with the roll sensor bit, a status back now and at every change.
      for (let i = 0; i + 2 < chunk.length; i++) {
        if (chunk[i] === 0x10 && chunk[i + 1] === 0x04 && chunk[i + 2] === 0x04 && this.paper !== 'silent') socket.write(Buffer.of(statusByte[this.paper]));
        if (chunk[i] === 0x1d && chunk[i + 1] === 0x61 && this.automaticStatus && chunk[i + 2]! & 0x08) {
          this.told.add(socket);
          this.tell(socket);
        }
      }
    });
  }

  /** Four bytes of automatic status back: printer, error, roll sensor, and a fourth that is zero here. */
  private tell(socket: Socket): void {
    if (this.paper !== 'silent') socket.write(Buffer.of(0x10, 0x00, sensorByte[this.paper], 0x00));
  }
}
