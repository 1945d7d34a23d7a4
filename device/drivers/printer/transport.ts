/**
 * A two-way byte link to a printer. One at a time: a printer often accepts a single connection,
 * so a transport keeps at most one open and serialises everything sent over it.
 */
export interface PrinterTransport {
  /** What the hardware check prints: "tcp 10.0.0.5:9100", "serial /dev/ttyUSB0". */
  readonly description: string;
  write(bytes: Uint8Array): Promise<void>;
  /** Sends `bytes` and waits up to `timeoutMs` for one byte back; undefined when none came. */
  ask(bytes: Uint8Array, timeoutMs: number): Promise<number | undefined>;
  close(): Promise<void>;
}
