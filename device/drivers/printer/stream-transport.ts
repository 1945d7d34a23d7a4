import type { Duplex } from 'node:stream';
import type { PrinterTransport } from './transport.ts';

/**
 * The shared half of the network, serial and usblp transports: a duplex stream opened on first
 * use and again after any error (reconnection), with every operation queued behind the previous
 * one and bounded by a timeout, so a printer that hangs cannot hang the kiosk.
 */
export abstract class StreamTransport implements PrinterTransport {
  private stream: Duplex | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private pendingAnswer: { isAnswer: (byte: number) => boolean; take: (byte: number) => void } | undefined;
  private greeting: Uint8Array | undefined;
  private unasked: ((byte: number) => void)[] = [];

  constructor(
    readonly description: string,
    private readonly timeoutMs: number,
  ) {}

  /** Opens the stream, rejecting within the timeout when the printer cannot be reached. */
  protected abstract open(timeoutMs: number): Promise<Duplex>;

  write(bytes: Uint8Array): Promise<void> {
    return this.serial(async () => {
      const stream = await this.connected();
      await this.bounded(new Promise<void>((resolve, reject) => stream.write(Buffer.from(bytes), (error) => (error ? reject(error) : resolve()))), 'write');
    });
  }

  ask(bytes: Uint8Array, timeoutMs: number, isAnswer: (byte: number) => boolean): Promise<number | undefined> {
    return this.serial(async () => {
      const stream = await this.connected();
      const answer = new Promise<number | undefined>((resolve) => {
        const timer = setTimeout(() => {
          this.pendingAnswer = undefined;
          resolve(undefined);
        }, timeoutMs);
        this.pendingAnswer = {
          isAnswer,
          take: (byte) => {
            clearTimeout(timer);
            this.pendingAnswer = undefined;
            resolve(byte);
          },
        };
      });
      stream.write(Buffer.from(bytes));
      return answer;
    });
  }

  greet(bytes: Uint8Array): void {
    this.greeting = bytes;
  }

  onUnasked(listener: (byte: number) => void): void {
    this.unasked.push(listener);
  }

  async close(): Promise<void> {
    await this.queue.catch(() => {});
    this.drop();
  }

  private async connected(): Promise<Duplex> {
    if (this.stream && !this.stream.destroyed) return this.stream;
    const stream = await this.open(this.timeoutMs);
    stream.on('data', (chunk: Buffer) => {
      for (const byte of chunk) {
        if (this.pendingAnswer?.isAnswer(byte)) this.pendingAnswer.take(byte);
        else for (const listener of this.unasked) listener(byte);
      }
    });
    if (this.greeting) stream.write(Buffer.from(this.greeting));
    stream.on('error', () => this.drop());
    stream.on('close', () => {
      if (this.stream === stream) this.stream = undefined;
    });
    this.stream = stream;
    return stream;
  }

  private drop(): void {
    this.stream?.destroy();
    this.stream = undefined;
  }

  private bounded<T>(work: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.drop();
        reject(new Error(`printer ${this.description}: ${what} timed out after ${this.timeoutMs} ms`));
      }, this.timeoutMs);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => {});
    return run.catch((error: unknown) => {
      this.drop();
      throw error;
    });
  }
}
