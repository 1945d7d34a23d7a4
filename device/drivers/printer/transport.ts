/**
 * A two-way byte link to a printer. One at a time: a printer often accepts a single connection,
 * so a transport keeps at most one open and serialises everything sent over it.
 */
export interface PrinterTransport {
  /** What the hardware check prints: "tcp 10.0.0.5:9100", "serial /dev/ttyUSB0". */
  readonly description: string;
  write(bytes: Uint8Array): Promise<void>;
  /** Sends `bytes` and waits up to `timeoutMs` for a byte `isAnswer` accepts; undefined when none came. */
  ask(bytes: Uint8Array, timeoutMs: number, isAnswer: (byte: number) => boolean): Promise<number | undefined>;
  /** Bytes sent first on every new connection: a printer switched off and on forgets its settings. */
  greet(bytes: Uint8Array): void;
  /** Every byte received that was not an answer to `ask`, such as automatic status back. */
  onUnasked(listener: (byte: number) => void): void;
  close(): Promise<void>;
}
